package dev.switchboard.server.mcp;

import dev.switchboard.core.ServerInfo;
import dev.switchboard.core.catalog.Catalog;
import dev.switchboard.core.catalog.CatalogTool;
import dev.switchboard.core.lifecycle.ServerState;
import dev.switchboard.core.policy.Policy;
import dev.switchboard.mcp.jsonrpc.JsonRpcCodec;
import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import dev.switchboard.mcp.session.IncomingRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The compact view's four tools, for agents whose context cannot hold every tool's schema: {@code
 * list_servers}, {@code list_tools}, {@code search_tools} and {@code call_tool}. They see and call
 * exactly what the aggregate shows the same principal, under the aggregate's names.
 */
final class MetaTools implements ToolSurface {
    static final MetaTools INSTANCE = new MetaTools();
    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 50;
    private static final int DESCRIPTION_CHARS = 160;

    private final ArrayNode definitions = definitions();

    private MetaTools() {}

    @Override
    public ObjectNode capabilities(JsonRpcCodec codec) {
        ObjectNode caps = codec.object();
        caps.putObject("tools").put("listChanged", false);
        caps.putObject("logging");
        return caps;
    }

    @Override
    public String instructions() {
        return "Switchboard gateway, compact view: find tools with search_tools or list_tools, then call them"
                + " by name with call_tool. list_servers shows which servers are up.";
    }

    @Override
    public JsonNode list(ViewSession session, IncomingRequest request) {
        ObjectNode result = session.context().codec().object();
        result.set("tools", definitions);
        return result;
    }

    @Override
    public CompletionStage<JsonNode> call(ViewSession session, IncomingRequest request) {
        ObjectNode params = request.paramsObject();
        String name = Relay.string(params, "name");
        JsonNode args = params.path("arguments");
        return switch (name) {
            case "list_servers" -> done(structured(session, listServers(session)));
            case "list_tools" -> done(structured(session, listTools(session, optionalString(args, "server"))));
            case "search_tools" -> done(structured(session, search(session, args)));
            case "call_tool" -> callTool(session, request, args);
            default ->
                CompletableFuture.failedFuture(
                        new JsonRpcException(JsonRpcError.INVALID_PARAMS, "Unknown tool: " + name));
        };
    }

    @Override
    public boolean relaysCatalog() {
        return false;
    }

    private static CompletionStage<JsonNode> done(JsonNode result) {
        return CompletableFuture.completedFuture(result);
    }

    private static ObjectNode listServers(ViewSession session) {
        Availability availability = session.availability();
        Catalog catalog = session.switchboard().catalog().current();
        ArrayNode servers = JsonNodeFactory.instance.arrayNode();
        for (ServerInfo info : session.switchboard().servers()) {
            if (!session.sees(info.name()) || info.state() == ServerState.DISABLED) {
                continue;
            }
            ObjectNode server = servers.addObject();
            server.put("name", info.name());
            server.put("state", info.state().name().toLowerCase(Locale.ROOT));
            server.put("available", availability.available().contains(info.name()));
            server.put("tools", visibleTools(session, catalog, info.name()).size());
            if (info.lastError() != null) {
                server.put("lastError", info.lastError());
            }
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.set("servers", servers);
        return result;
    }

    private static ObjectNode listTools(ViewSession session, @Nullable String only) {
        Availability availability = session.availability();
        Catalog catalog = session.switchboard().catalog().current();
        ArrayNode servers = JsonNodeFactory.instance.arrayNode();
        for (String server : catalog.servers()) {
            if ((only != null && !only.equals(server)) || !session.sees(server)) {
                continue;
            }
            boolean available = availability.available().contains(server);
            ObjectNode entry = servers.addObject().put("server", server).put("available", available);
            ArrayNode tools = entry.putArray("tools");
            if (available) {
                for (CatalogTool tool : visibleTools(session, catalog, server)) {
                    tools.addObject().put("name", tool.name()).put("description", oneLine(tool));
                }
            }
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.set("servers", servers);
        return result;
    }

    private static ObjectNode search(ViewSession session, JsonNode args) {
        String query = Relay.string(args instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode(), "query");
        int limit = args.path("limit").asInt(DEFAULT_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new JsonRpcException(
                    JsonRpcError.INVALID_PARAMS, "limit: " + limit + " (expected: 1 to " + MAX_LIMIT + ")");
        }
        Availability availability = session.availability();
        Catalog catalog = session.switchboard().catalog().current();
        List<CatalogTool> candidates = new ArrayList<>();
        for (String server : catalog.servers()) {
            if (availability.available().contains(server) && session.sees(server)) {
                candidates.addAll(visibleTools(session, catalog, server));
            }
        }
        ArrayNode matches = JsonNodeFactory.instance.arrayNode();
        for (ToolSearch.Match match : ToolSearch.rank(query, candidates, limit)) {
            matches.addObject()
                    .put("name", match.tool().name())
                    .put("server", match.tool().server())
                    .put("description", oneLine(match.tool()))
                    .put("score", match.score());
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("query", query);
        result.set("tools", matches);
        return result;
    }

    private static CompletionStage<JsonNode> callTool(ViewSession session, IncomingRequest request, JsonNode args) {
        ObjectNode given = args instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
        String name = Relay.string(given, "name");
        JsonNode arguments = given.path("arguments");
        ObjectNode params = session.context().codec().object();
        params.put("name", name);
        params.set(
                "arguments",
                arguments.isObject() ? arguments : session.context().codec().object());
        return Relay.callTool(session, request, name, params);
    }

    private static List<CatalogTool> visibleTools(ViewSession session, Catalog catalog, String server) {
        Policy policy = session.switchboard().policy();
        return catalog.toolsOf(server).stream()
                .filter(t -> policy.allowsTool(session.principal(), server, t.originalName()))
                .toList();
    }

    private static String oneLine(CatalogTool tool) {
        String description = tool.definition().path("description").asString("").strip();
        int end = description.indexOf('\n');
        String line = end < 0 ? description : description.substring(0, end).strip();
        return line.length() <= DESCRIPTION_CHARS ? line : line.substring(0, DESCRIPTION_CHARS - 1) + "…";
    }

    private static @Nullable String optionalString(JsonNode args, String field) {
        JsonNode value = args.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new JsonRpcException(JsonRpcError.INVALID_PARAMS, field + ": " + value + " (expected: a string)");
        }
        return value.asString();
    }

    /** A tool result whose text is the JSON of {@code content}, which is also its structured content. */
    private static ObjectNode structured(ViewSession session, ObjectNode content) {
        ObjectNode result = session.context().codec().object();
        result.putArray("content").addObject().put("type", "text").put("text", content.toString());
        result.set("structuredContent", content);
        return result;
    }

    private static ArrayNode definitions() {
        ArrayNode tools = JsonNodeFactory.instance.arrayNode();
        tool(
                tools,
                "list_servers",
                "List the servers behind this gateway: name, state, whether available, tool count," + " last error.");
        ObjectNode listTools = tool(
                tools,
                "list_tools",
                "List the tools of every server (or of one), by server: the"
                        + " name to pass to call_tool and a one-line description.");
        property(listTools, "server", "string", "Only this server's tools");
        ObjectNode search = tool(
                tools,
                "search_tools",
                "Find tools by words, across every server, best matches" + " first (name and description).");
        property(search, "query", "string", "Words describing what the tool should do");
        property(
                search,
                "limit",
                "integer",
                "The most tools to return, 1 to " + MAX_LIMIT + " (default " + DEFAULT_LIMIT + ")");
        search.withArrayProperty("required").add("query");
        ObjectNode call = tool(
                tools,
                "call_tool",
                "Call a tool by the name list_tools or search_tools gave, with"
                        + " its arguments; returns the tool's result.");
        property(call, "name", "string", "The tool's name, such as github__search_issues");
        call.withObjectProperty("properties")
                .putObject("arguments")
                .put("type", "object")
                .put("description", "The tool's arguments, as its input schema describes them");
        call.withArrayProperty("required").add("name");
        return tools;
    }

    private static ObjectNode tool(ArrayNode tools, String name, String description) {
        ObjectNode tool = tools.addObject();
        tool.put("name", name);
        tool.put("description", description);
        ObjectNode schema = tool.putObject("inputSchema");
        schema.put("type", "object");
        schema.putObject("properties");
        return schema;
    }

    private static void property(ObjectNode schema, String name, String type, String description) {
        schema.withObjectProperty("properties")
                .putObject(name)
                .put("type", type)
                .put("description", description);
    }
}
