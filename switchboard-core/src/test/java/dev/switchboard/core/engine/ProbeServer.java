package dev.switchboard.core.engine;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import dev.switchboard.mcp.protocol.McpMethods;
import dev.switchboard.mcp.server.McpServer;
import dev.switchboard.mcp.server.ServerRequest;
import dev.switchboard.mcp.server.stdio.StdioServerTransport;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tiny MCP server for the engine's tests that says who answered: {@code whoami} returns {@code
 * PID/SESSION}, the process id and a number for the client session, so that a test can tell
 * which downstream process and session served a call. Also {@code slow} ({@code ms}) and {@code
 * echo} ({@code message}). Serves over stdio from {@link #main}.
 */
public final class ProbeServer {
    private ProbeServer() {}

    /** A probe server; sessions are numbered from 1 in the order they open. */
    static McpServer create() {
        AtomicInteger sessions = new AtomicInteger();
        return McpServer.builder("probe", "1.0")
                .capability("tools", JsonNodeFactory.instance.objectNode().put("listChanged", true))
                .handle(McpMethods.TOOLS_LIST, request -> list())
                .handle(McpMethods.TOOLS_CALL, ProbeServer::call)
                .onSessionOpen(session -> session.attributes().put("id", sessions.incrementAndGet()))
                .build();
    }

    private static JsonNode list() {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        ArrayNode tools = result.putArray("tools");
        for (String name : new String[] {"whoami", "slow", "echo"}) {
            ObjectNode tool = tools.addObject();
            tool.put("name", name);
            tool.put("description", "probe " + name);
            tool.putObject("inputSchema").put("type", "object");
        }
        return result;
    }

    private static JsonNode call(ServerRequest request) throws InterruptedException {
        String name = request.params().path("name").asString("");
        JsonNode args = request.params().path("arguments");
        String text = switch (name) {
            case "whoami" ->
                ProcessHandle.current().pid() + "/"
                        + request.session().attributes().get("id");
            case "slow" -> {
                Thread.sleep(args.path("ms").asLong(100));
                yield "done";
            }
            case "echo" -> args.path("message").asString("");
            default -> throw new JsonRpcException(JsonRpcError.INVALID_PARAMS, "Unknown tool: " + name);
        };
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.putArray("content").addObject().put("type", "text").put("text", text);
        return result;
    }

    /** Serves a probe server over stdio until stdin closes. */
    public static void main(String[] args) {
        try (McpRuntime runtime = new McpRuntime()) {
            StdioServerTransport.serve(create(), runtime);
        }
    }
}
