package dev.switchboard.core.catalog;

import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * A resource or a resource template as the gateway offers it: never renamed.
 *
 * @param uri the resource's {@code uri}, or the template's {@code uriTemplate}
 * @param server the server that has it
 * @param definition the server's object, unchanged; shared, treat as read-only
 */
public record CatalogResource(String uri, String server, ObjectNode definition) {
    /** Checks that no field is null. */
    public CatalogResource {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(definition, "definition");
    }
}
