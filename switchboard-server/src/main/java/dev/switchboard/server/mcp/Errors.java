package dev.switchboard.server.mcp;

import dev.switchboard.core.NotFoundException;
import dev.switchboard.core.policy.Policy;
import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import dev.switchboard.mcp.session.McpTimeoutException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How a relayed request's failure reaches the client, in one place. A server's own error answer
 * passes through unchanged. What hides or lacks a tool, prompt or server looks exactly like a
 * missing one. For {@code tools/call}, a server that cannot answer (unreachable, breaker open, busy,
 * too slow) gives a tool result with {@code isError: true} that says so, which the model reads;
 * for other methods an internal error with the same message.
 */
final class Errors {
    private Errors() {}

    /**
     * The outcome of a failed {@code tools/call} of {@code name} on {@code server}: a result with
     * {@code isError: true}, or a thrown {@link JsonRpcException}.
     */
    static JsonNode toolResult(ViewSession session, Throwable failure, String name, String server) {
        Throwable cause = unwrap(failure);
        if (cause instanceof NotFoundException) {
            throw Policy.unknownTool(name);
        }
        if (cause instanceof JsonRpcException rpc && !(rpc instanceof McpTimeoutException)) {
            throw rpc;
        }
        if (cause instanceof CancellationException) {
            throw new JsonRpcException(JsonRpcError.INTERNAL_ERROR, "cancelled");
        }
        ObjectNode result = session.context().codec().object();
        result.putArray("content")
                .addObject()
                .put("type", "text")
                .put("text", "Tool " + name + " failed: server " + server + " " + describe(cause));
        result.put("isError", true);
        return result;
    }

    /** The error answer for any other failed relayed request to {@code server}. */
    static JsonRpcException rpcError(Throwable failure, String server) {
        Throwable cause = unwrap(failure);
        if (cause instanceof JsonRpcException rpc) {
            return rpc;
        }
        if (cause instanceof NotFoundException missing) {
            return new JsonRpcException(
                    JsonRpcError.INVALID_PARAMS, missing.kind() + ": \"" + missing.name() + "\" is unknown");
        }
        if (cause instanceof CancellationException) {
            return new JsonRpcException(JsonRpcError.INTERNAL_ERROR, "cancelled");
        }
        return new JsonRpcException(JsonRpcError.INTERNAL_ERROR, "server " + server + " " + describe(cause));
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        if (cause instanceof McpTimeoutException) {
            return "did not answer in time: " + message;
        }
        return "is unavailable: " + (message == null ? cause.getClass().getSimpleName() : message);
    }

    static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        for (int i = 0; i < 10 && (t instanceof CompletionException || t instanceof ExecutionException); i++) {
            if (t.getCause() == null) {
                break;
            }
            t = t.getCause();
        }
        return t;
    }
}
