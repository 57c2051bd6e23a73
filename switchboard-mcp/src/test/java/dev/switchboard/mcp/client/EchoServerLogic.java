package dev.switchboard.mcp.client;

import dev.switchboard.mcp.jsonrpc.JsonRpcCodec;
import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcMessage;
import dev.switchboard.mcp.jsonrpc.JsonRpcRequest;
import dev.switchboard.mcp.jsonrpc.JsonRpcResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * The MCP logic of the test servers that stand in for real ones: answers {@code initialize} with
 * the revision asked for, {@code ping}, and {@code tools/call} of {@code echo} (returns {@code
 * arguments.text}); ignores notifications and responses.
 */
public final class EchoServerLogic {
    private final JsonRpcCodec codec = new JsonRpcCodec();

    /** The answer to one message, as JSON, or {@code null} when it needs none. */
    public @Nullable String answer(String json) {
        JsonRpcMessage message = codec.decodeSingle(json);
        if (!(message instanceof JsonRpcRequest request)) {
            return null;
        }
        return codec.encodeToString(answer(request));
    }

    private JsonRpcResponse answer(JsonRpcRequest request) {
        ObjectNode result = codec.object();
        switch (request.method()) {
            case "initialize" -> {
                result.put(
                        "protocolVersion",
                        request.params() == null
                                ? "2024-11-05"
                                : request.params().path("protocolVersion").asString());
                result.putObject("capabilities").putObject("tools");
                result.putObject("serverInfo").put("name", "echo").put("version", "1");
            }
            case "ping" -> {
                // an empty result
            }
            case "tools/call" -> {
                String text = request.params() == null
                        ? ""
                        : request.params().path("arguments").path("text").asString();
                result.putArray("content").addObject().put("type", "text").put("text", text);
            }
            default -> {
                return JsonRpcResponse.failure(
                        request.id(), JsonRpcError.of(JsonRpcError.METHOD_NOT_FOUND, "Method not found"));
            }
        }
        return JsonRpcResponse.success(request.id(), result);
    }
}
