package dev.switchboard.mcp.demo;

import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import dev.switchboard.mcp.server.ServerRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo server's tools: a fixed set, then the {@link AddedTools}. Answers {@code tools/list}
 * and {@code tools/call}. Thread-safe.
 */
final class DemoTools {
    private final Map<String, Tool> fixed;
    private final AddedTools added;
    private final DemoSessions sessions;
    private final int pageSize;

    DemoTools(List<Tool> tools, AddedTools added, DemoSessions sessions, int pageSize) {
        Map<String, Tool> byName = new LinkedHashMap<>();
        for (Tool tool : tools) {
            if (byName.putIfAbsent(tool.name(), tool) != null) {
                throw new IllegalArgumentException("tool: " + tool.name() + " (expected: a unique name)");
            }
        }
        this.fixed = Collections.unmodifiableMap(byName);
        this.added = added;
        this.sessions = sessions;
        this.pageSize = pageSize;
    }

    /** Answers {@code tools/list}. */
    JsonNode list(ServerRequest request) {
        List<ObjectNode> all = new ArrayList<>(fixed.size() + AddedTools.MAX_ADDED_TOOLS);
        fixed.values().forEach(t -> all.add(t.describe()));
        added.tools().forEach(t -> all.add(t.describe()));
        return Pages.page(all, "tools", request.params(), pageSize);
    }

    /**
     * Answers {@code tools/call}: the tool's result, or a result with {@code isError} when the tool
     * failed.
     *
     * @throws JsonRpcException (invalid params) for an unknown tool or a call without a name
     * @throws InterruptedException when interrupted while the tool waits
     */
    JsonNode call(ServerRequest request) throws InterruptedException {
        ObjectNode params = request.params();
        JsonNode name = params.get("name");
        if (name == null || !name.isString()) {
            throw new JsonRpcException(JsonRpcError.INVALID_PARAMS, "name: " + name + " (expected: a tool name)");
        }
        Tool tool = find(name.asString());
        JsonNode arguments = params.get("arguments");
        ObjectNode args = arguments instanceof ObjectNode o ? o : Json.object();
        try {
            return tool.handler().call(new ToolCall(request, args, sessions.state(request.session())));
        } catch (ToolException e) {
            return Content.errorResult(tool.name() + ": " + e.getMessage());
        }
    }

    private Tool find(String name) {
        Tool tool = fixed.get(name);
        if (tool == null) {
            tool = added.get(name);
        }
        if (tool == null) {
            throw new JsonRpcException(JsonRpcError.INVALID_PARAMS, "Unknown tool: " + name);
        }
        return tool;
    }
}
