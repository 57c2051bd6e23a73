package dev.switchboard.core.engine;

import dev.switchboard.core.ToolInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The tools of a snapshot's servers under their aggregate names, as discovery last listed them,
 * and the lookup of a tool by name: the full aggregate name, or a server's own tool name when
 * exactly one server has a tool of that name.
 */
final class ToolDirectory {
    private ToolDirectory() {}

    /** Every listed tool of every enabled server, in configuration order, then the server's. */
    static List<ToolInfo> tools(EngineSnapshot snapshot) {
        List<ToolInfo> all = new ArrayList<>();
        for (ServerEndpoint endpoint : snapshot.endpoints().values()) {
            if (!endpoint.config().settings().enabled()) {
                continue;
            }
            List<JsonNode> listed = endpoint.discovery().tools();
            if (listed == null) {
                continue;
            }
            for (JsonNode tool : listed) {
                String own = tool.path("name").asString("");
                if (own.isEmpty()) {
                    continue;
                }
                all.add(new ToolInfo(
                        aggregateName(snapshot, endpoint, own), endpoint.name(), own, description(tool), tool));
            }
        }
        return List.copyOf(all);
    }

    /** The tool {@code name} names among {@code tools}: by full name, else by a unique own name. */
    static Optional<ToolInfo> route(List<ToolInfo> tools, String name) {
        for (ToolInfo tool : tools) {
            if (tool.name().equals(name)) {
                return Optional.of(tool);
            }
        }
        ToolInfo found = null;
        for (ToolInfo tool : tools) {
            if (tool.tool().equals(name)) {
                if (found != null) {
                    return Optional.empty();
                }
                found = tool;
            }
        }
        return Optional.ofNullable(found);
    }

    private static String aggregateName(EngineSnapshot snapshot, ServerEndpoint endpoint, String own) {
        return endpoint.config().settings().prefix() ? endpoint.name() + snapshot.separator() + own : own;
    }

    private static @Nullable String description(JsonNode tool) {
        JsonNode d = tool.get("description");
        return d != null && d.isString() ? d.asString() : null;
    }
}
