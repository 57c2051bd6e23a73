package dev.switchboard.core.resilience;

import dev.switchboard.mcp.protocol.McpMethods;

/**
 * What a call to a server does, which decides whether it may be retried after a failure that
 * might have reached the server.
 */
public enum CallKind {
    /** The {@code initialize} handshake: retried, a failed handshake leaves nothing behind. */
    INITIALIZE("initialize", true),
    /**
     * A request that only reads: {@code tools/list}, {@code resources/list}, {@code
     * resources/templates/list}, {@code resources/read}, {@code prompts/list}, {@code prompts/get},
     * {@code completion/complete}, {@code ping}. Retried.
     */
    LISTING("listing", true),
    /**
     * {@code tools/call}: a tool may change the world, so it is retried only when it certainly did
     * not reach the server.
     */
    TOOL_CALL("tool call", false),
    /** Anything else (subscriptions, logging level, custom methods): treated like a tool call. */
    OTHER("request", false);

    private final String label;
    private final boolean idempotent;

    CallKind(String label, boolean idempotent) {
        this.label = label;
        this.idempotent = idempotent;
    }

    /**
     * Whether running the call twice is harmless, so that it may be retried even after a failure
     * that might have reached the server.
     */
    public boolean idempotent() {
        return idempotent;
    }

    /** A few words for messages: "tool call", "listing". */
    public String label() {
        return label;
    }

    /** The kind of an MCP request method; {@link #OTHER} for a method this enum does not know. */
    public static CallKind of(String method) {
        return switch (method) {
            case McpMethods.INITIALIZE -> INITIALIZE;
            case McpMethods.TOOLS_CALL -> TOOL_CALL;
            case McpMethods.TOOLS_LIST,
                    McpMethods.RESOURCES_LIST,
                    McpMethods.RESOURCES_TEMPLATES_LIST,
                    McpMethods.RESOURCES_READ,
                    McpMethods.PROMPTS_LIST,
                    McpMethods.PROMPTS_GET,
                    McpMethods.COMPLETION_COMPLETE,
                    McpMethods.PING -> LISTING;
            default -> OTHER;
        };
    }
}
