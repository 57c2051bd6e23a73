package dev.switchboard.core.catalog;

import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * A prompt as the gateway offers it; named like a tool (see {@link CatalogTool}).
 *
 * @param name the name it is offered and fetched by in the aggregate
 * @param server the server that has it
 * @param originalName its name on that server: what {@code prompts/get} sends downstream
 * @param definition the server's prompt object with {@code name} set to {@link #name}; shared,
 *     treat as read-only
 */
public record CatalogPrompt(String name, String server, String originalName, ObjectNode definition) {
    /** Checks that no field is null. */
    public CatalogPrompt {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(originalName, "originalName");
        Objects.requireNonNull(definition, "definition");
    }
}
