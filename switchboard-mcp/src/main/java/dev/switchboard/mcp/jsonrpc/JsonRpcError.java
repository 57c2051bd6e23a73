package dev.switchboard.mcp.jsonrpc;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The {@code error} member of a JSON-RPC response.
 *
 * @param code the error code; the constants of this class name the standard ones
 * @param message a short human-readable description
 * @param data additional information as sent, or {@code null}
 */
public record JsonRpcError(
        int code, String message, @Nullable JsonNode data) {
    /** Invalid JSON was received. */
    public static final int PARSE_ERROR = -32700;
    /** The JSON sent is not a valid request object. */
    public static final int INVALID_REQUEST = -32600;
    /** The method does not exist or is not available. */
    public static final int METHOD_NOT_FOUND = -32601;
    /** Invalid method parameters. */
    public static final int INVALID_PARAMS = -32602;
    /** Internal JSON-RPC error. */
    public static final int INTERNAL_ERROR = -32603;
    /** MCP: the request timed out (used by the SDKs for client-side timeouts). */
    public static final int REQUEST_TIMEOUT = -32001;
    /** MCP: a resource was not found. */
    public static final int RESOURCE_NOT_FOUND = -32002;

    /** Checks that the message is present. */
    public JsonRpcError {
        Objects.requireNonNull(message, "message");
    }

    /** An error without data. */
    public static JsonRpcError of(int code, String message) {
        return new JsonRpcError(code, message, null);
    }
}
