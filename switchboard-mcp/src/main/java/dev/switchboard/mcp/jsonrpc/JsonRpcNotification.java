package dev.switchboard.mcp.jsonrpc;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A notification: a method call without an id, never answered.
 *
 * @param method the method name, such as {@code notifications/progress}
 * @param params the parameters as sent, or {@code null} when absent
 */
public record JsonRpcNotification(String method, @Nullable JsonNode params) implements JsonRpcMessage {
    /** Checks that the method is present. */
    public JsonRpcNotification {
        Objects.requireNonNull(method, "method");
    }
}
