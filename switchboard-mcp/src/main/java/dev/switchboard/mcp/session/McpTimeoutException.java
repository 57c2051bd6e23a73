package dev.switchboard.mcp.session;

import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import java.time.Duration;

/** A request got no response in time; the session sent {@code notifications/cancelled} for it. */
public final class McpTimeoutException extends JsonRpcException {
    private static final long serialVersionUID = 1L;

    /** A timeout of {@code method} after {@code timeout}. */
    public McpTimeoutException(String method, Duration timeout) {
        super(JsonRpcError.of(
                JsonRpcError.REQUEST_TIMEOUT,
                "Request timed out: " + method + " got no response within " + timeout.toMillis() + " ms"));
    }
}
