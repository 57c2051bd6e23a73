package dev.switchboard.core.engine;

import dev.switchboard.core.ToolInfo;
import dev.switchboard.core.catalog.AmbiguousToolException;
import dev.switchboard.core.catalog.Catalog;
import dev.switchboard.core.catalog.CatalogTool;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The catalog's tools as the facade shows them, the lookup of a tool by name, and whether a server
 * offers a tool by its own name.
 */
final class ToolDirectory {
    private ToolDirectory() {}

    /** Every offered tool that {@code visible} accepts, in the catalog's order. */
    static List<ToolInfo> tools(Catalog catalog, Predicate<? super CatalogTool> visible) {
        List<ToolInfo> all = new ArrayList<>();
        for (CatalogTool tool : catalog.tools()) {
            if (visible.test(tool)) {
                all.add(info(tool));
            }
        }
        return List.copyOf(all);
    }

    /**
     * The tool {@code name} names among those {@code visible} accepts (see {@link Catalog#route});
     * empty when none does.
     *
     * @throws AmbiguousToolException when more than one visible tool has {@code name} as its own name
     */
    static Optional<ToolInfo> route(Catalog catalog, String name, Predicate<? super CatalogTool> visible) {
        return catalog.route(name, visible).map(ToolDirectory::info);
    }

    /**
     * Whether {@code server} offers {@code tool} (its own name) in {@code catalog}, or {@code null}
     * when the catalog has not listed the server.
     */
    static @Nullable Boolean offers(Catalog catalog, String server, String tool) {
        if (catalog.server(server).isEmpty()) {
            return null;
        }
        CatalogTool direct =
                catalog.tool(server + catalog.settings().separator() + tool).orElse(null);
        if (direct != null
                && direct.server().equals(server)
                && direct.originalName().equals(tool)) {
            return true;
        }
        for (CatalogTool offered : catalog.toolsOf(server)) {
            if (offered.originalName().equals(tool)) {
                return true;
            }
        }
        return false;
    }

    static ToolInfo info(CatalogTool tool) {
        return new ToolInfo(
                tool.name(), tool.server(), tool.originalName(), description(tool.definition()), tool.definition());
    }

    private static @Nullable String description(JsonNode tool) {
        JsonNode d = tool.get("description");
        return d != null && d.isString() ? d.asString() : null;
    }
}
