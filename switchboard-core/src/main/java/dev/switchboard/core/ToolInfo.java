package dev.switchboard.core;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One tool a server offers, as {@link Switchboard#tools()} lists it. Immutable.
 *
 * @param name the tool's name in the aggregate view: {@code server<separator>tool} for a prefixed
 *     server (the default, such as {@code github__search_issues}), or the tool's own name for a
 *     server with {@code prefix: false}; what {@link Switchboard#callRouted} takes
 * @param server the name of the server that offers it
 * @param tool the tool's own name on that server; what {@link Switchboard#callTool} takes
 * @param description the server's description of the tool, or {@code null}
 * @param definition the tool's whole definition as the server listed it ({@code inputSchema},
 *     {@code annotations}, {@code _meta}, ...), with {@code name} set to {@link #name}; shared, do
 *     not modify it
 */
public record ToolInfo(
        String name, String server, String tool, @Nullable String description, JsonNode definition) {

    /** Checks for nulls. */
    public ToolInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(definition, "definition");
    }

    /** The tool's {@code inputSchema}, or a missing node when the server gave none. */
    public JsonNode inputSchema() {
        return definition.path("inputSchema");
    }
}
