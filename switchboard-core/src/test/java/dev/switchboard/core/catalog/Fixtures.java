package dev.switchboard.core.catalog;

import dev.switchboard.core.config.ToolFilter;
import java.util.Arrays;
import java.util.List;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Small catalogs for the catalog tests. */
final class Fixtures {
    private Fixtures() {}

    static ObjectNode tool(String name) {
        ObjectNode tool = JsonNodeFactory.instance.objectNode();
        tool.put("name", name);
        tool.put("description", "the " + name + " tool");
        tool.putObject("inputSchema").put("type", "object");
        return tool;
    }

    static ObjectNode prompt(String name) {
        ObjectNode prompt = JsonNodeFactory.instance.objectNode();
        prompt.put("name", name);
        prompt.put("description", "the " + name + " prompt");
        return prompt;
    }

    static ObjectNode resource(String uri) {
        ObjectNode resource = JsonNodeFactory.instance.objectNode();
        resource.put("uri", uri);
        resource.put("name", uri);
        return resource;
    }

    static ObjectNode template(String uriTemplate) {
        ObjectNode template = JsonNodeFactory.instance.objectNode();
        template.put("uriTemplate", uriTemplate);
        template.put("name", uriTemplate);
        return template;
    }

    /** A server offering tools of these names and nothing else. */
    static ServerCatalog server(String name, String... tools) {
        return ServerCatalog.empty(name)
                .withTools(Arrays.stream(tools).map(Fixtures::tool).toList());
    }

    /** Settings with these servers, in this order, all prefixed or all not, no filter. */
    static CatalogSettings settings(boolean prefix, String... servers) {
        CatalogSettings settings = CatalogSettings.of("__");
        for (String server : servers) {
            settings = settings.withServer(server, prefix, ToolFilter.ALL);
        }
        return settings;
    }

    static List<String> names(List<CatalogTool> tools) {
        return tools.stream().map(CatalogTool::name).toList();
    }
}
