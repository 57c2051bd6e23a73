package dev.switchboard.mcp.jsonrpc;

import java.util.Objects;

/**
 * A JSON-RPC error as an exception: thrown by a request handler to answer with that error, and
 * raised to a caller whose request was answered with an error.
 */
public class JsonRpcException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient JsonRpcError error;

    /** An exception carrying {@code error}. */
    public JsonRpcException(JsonRpcError error) {
        super(Objects.requireNonNull(error, "error").message() + " (code " + error.code() + ")");
        this.error = error;
    }

    /** An exception carrying an error with {@code code} and {@code message}. */
    public JsonRpcException(int code, String message) {
        this(JsonRpcError.of(code, message));
    }

    /** The error this exception carries. */
    public JsonRpcError error() {
        return error;
    }
}
