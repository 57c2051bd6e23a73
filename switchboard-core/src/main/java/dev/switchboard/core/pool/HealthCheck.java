package dev.switchboard.core.pool;

import dev.switchboard.mcp.protocol.McpMethods;
import org.jspecify.annotations.Nullable;

/**
 * One step of the health-check chain run on a session that sat idle: a cheap request that a live
 * server answers. The chain tries its steps in order: the first answer passes the session; an
 * answer of "method not found" or a timeout moves on to the next step; any other error, or a
 * session that is closed, fails it; a chain that runs out of steps fails it too.
 */
public enum HealthCheck {
    /** {@code ping}, which every MCP server must answer. */
    PING(McpMethods.PING),
    /** The first page of {@code tools/list}, for servers that do not answer {@code ping}. */
    LIST_TOOLS(McpMethods.TOOLS_LIST),
    /** The first page of {@code prompts/list}. */
    LIST_PROMPTS(McpMethods.PROMPTS_LIST),
    /** The first page of {@code resources/list}. */
    LIST_RESOURCES(McpMethods.RESOURCES_LIST),
    /**
     * Passes without a request: as the last step, it accepts a session whose server answered the
     * steps before it with "method not found" or not in time.
     */
    SKIP(null);

    private final @Nullable String method;

    HealthCheck(@Nullable String method) {
        this.method = method;
    }

    /** The request this step sends, or {@code null} for {@link #SKIP}. */
    public @Nullable String method() {
        return method;
    }
}
