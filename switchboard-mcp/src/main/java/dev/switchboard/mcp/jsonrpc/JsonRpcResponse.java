package dev.switchboard.mcp.jsonrpc;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A response to a request: exactly one of {@code result} and {@code error} is set.
 *
 * @param id the id of the request answered; {@code null} only for an error about a message whose id
 *     could not be read (JSON-RPC's {@code "id": null})
 * @param result the result as sent, or {@code null} for an error response
 * @param error the error, or {@code null} for a success
 */
public record JsonRpcResponse(
        @Nullable RequestId id,
        @Nullable JsonNode result,
        @Nullable JsonRpcError error) implements JsonRpcMessage {
    /** Checks that exactly one of result and error is set. */
    public JsonRpcResponse {
        if ((result == null) == (error == null)) {
            throw new IllegalArgumentException("a response has exactly one of result and error");
        }
    }

    /** A success response. */
    public static JsonRpcResponse success(RequestId id, JsonNode result) {
        return new JsonRpcResponse(Objects.requireNonNull(id, "id"), Objects.requireNonNull(result, "result"), null);
    }

    /** An error response; {@code id} is {@code null} when the request's id could not be read. */
    public static JsonRpcResponse failure(@Nullable RequestId id, JsonRpcError error) {
        return new JsonRpcResponse(id, null, Objects.requireNonNull(error, "error"));
    }

    /** Whether this is an error response. */
    public boolean isError() {
        return error != null;
    }

    /** The same response with another id; the payload is shared, not copied. */
    public JsonRpcResponse withId(RequestId newId) {
        return new JsonRpcResponse(newId, result, error);
    }
}
