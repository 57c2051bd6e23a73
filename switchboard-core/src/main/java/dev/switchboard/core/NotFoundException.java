package dev.switchboard.core;

import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;

/**
 * No server or tool of that name is available to the caller: it does not exist, or the access
 * policy hides it. The error is the same in both cases, so that a caller cannot learn what exists
 * beyond what it may use. It is the JSON-RPC error MCP uses for an unknown tool: code {@code
 * -32602} (invalid params), message {@code Unknown tool: NAME} (or {@code Unknown server: NAME}),
 * so a gateway can pass it on as it is.
 */
public final class NotFoundException extends JsonRpcException {
    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String name;

    /**
     * An exception for the {@code kind} ({@code server} or {@code tool}) named {@code name}.
     *
     * @param kind what was looked up: {@code server} or {@code tool}
     * @param name the name as the caller gave it
     */
    public NotFoundException(String kind, String name) {
        super(JsonRpcError.INVALID_PARAMS, "Unknown " + kind + ": " + name);
        this.kind = kind;
        this.name = name;
    }

    /** What was looked up: {@code server} or {@code tool}. */
    public String kind() {
        return kind;
    }

    /** The name as the caller gave it. */
    public String name() {
        return name;
    }
}
