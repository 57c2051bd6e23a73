package dev.switchboard.mcp.jsonrpc;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A request: it has an id and expects a response with the same id.
 *
 * @param id the request id
 * @param method the method name, such as {@code tools/call}
 * @param params the parameters as sent (an object or an array), or {@code null} when absent
 */
public record JsonRpcRequest(
        RequestId id, String method, @Nullable JsonNode params) implements JsonRpcMessage {
    /** Checks that id and method are present. */
    public JsonRpcRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(method, "method");
    }

    /** The same request with another id; the payload is shared, not copied. */
    public JsonRpcRequest withId(RequestId newId) {
        return new JsonRpcRequest(newId, method, params);
    }
}
