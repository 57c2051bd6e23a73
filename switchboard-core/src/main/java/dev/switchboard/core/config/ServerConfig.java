package dev.switchboard.core.config;

/**
 * One MCP server the gateway connects to: a local process ({@link StdioServerConfig}) or a URL
 * ({@link RemoteServerConfig}). Implementations are immutable and compare by value, so hot reload
 * can tell an unchanged server from a changed one with {@code equals}.
 */
public sealed interface ServerConfig permits StdioServerConfig, RemoteServerConfig {

    /**
     * The server's name: 1 to 64 letters, digits, {@code _}, {@code .} or {@code -}, starting and
     * ending with a letter or digit, and never containing the gateway's naming separator.
     */
    String name();

    /** What every server has: enabled, eager, timeouts, session mode, pool, breaker and so on. */
    ServerSettings settings();
}
