package dev.switchboard.core.catalog;

import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tool as the gateway offers it.
 *
 * @param name the name it is offered and called by in the aggregate ({@code server__tool}, or the
 *     tool's own name when its server is not prefixed, or another name after a collision)
 * @param server the server that has it
 * @param originalName its name on that server: what {@code tools/call} sends downstream
 * @param definition the server's tool object with {@code name} set to {@link #name}, built once per
 *     snapshot (the server's own object when the names are equal); shared, treat as read-only
 */
public record CatalogTool(String name, String server, String originalName, ObjectNode definition) {
    /** Checks that no field is null. */
    public CatalogTool {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(originalName, "originalName");
        Objects.requireNonNull(definition, "definition");
    }
}
