package dev.switchboard.mcp.server.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of an {@link McpHttpServer}. Immutable; start from {@link #defaults()}.
 *
 * @param host the address to bind; default {@code 127.0.0.1} (bind a public address only with
 *     authentication in front)
 * @param port the port; 0 (the default) picks a free one
 * @param mcpPath the Streamable HTTP endpoint; default {@code /mcp}
 * @param ssePath the HTTP+SSE stream endpoint; default {@code /sse}
 * @param messagePath the HTTP+SSE message endpoint; default {@code /message}
 * @param transport the settings of both transports
 * @param stopTimeout how long {@link McpHttpServer#close} waits for request threads to end after the
 *     sessions closed; default 5 s
 */
public record McpHttpServerOptions(
        String host,
        int port,
        String mcpPath,
        String ssePath,
        String messagePath,
        HttpServerTransportOptions transport,
        Duration stopTimeout) {

    /** Checks every field. */
    public McpHttpServerOptions {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port: " + port + " (expected: 0 to 65535)");
        }
        path("mcpPath", mcpPath);
        path("ssePath", ssePath);
        path("messagePath", messagePath);
        if (mcpPath.equals(ssePath) || mcpPath.equals(messagePath) || ssePath.equals(messagePath)) {
            throw new IllegalArgumentException(
                    "paths: " + mcpPath + ", " + ssePath + ", " + messagePath + " (expected: three different paths)");
        }
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(stopTimeout, "stopTimeout");
        if (stopTimeout.isNegative()) {
            throw new IllegalArgumentException("stopTimeout: " + stopTimeout + " (expected: zero or more)");
        }
    }

    /** The defaults listed on the fields. */
    public static McpHttpServerOptions defaults() {
        return new McpHttpServerOptions(
                "127.0.0.1",
                0,
                "/mcp",
                "/sse",
                "/message",
                HttpServerTransportOptions.defaults(),
                Duration.ofSeconds(5));
    }

    /** These options with another address to bind. */
    public McpHttpServerOptions withHost(String value) {
        return new McpHttpServerOptions(value, port, mcpPath, ssePath, messagePath, transport, stopTimeout);
    }

    /** These options with another port. */
    public McpHttpServerOptions withPort(int value) {
        return new McpHttpServerOptions(host, value, mcpPath, ssePath, messagePath, transport, stopTimeout);
    }

    /** These options with other transport settings. */
    public McpHttpServerOptions withTransport(HttpServerTransportOptions value) {
        return new McpHttpServerOptions(host, port, mcpPath, ssePath, messagePath, value, stopTimeout);
    }

    private static void path(String name, String value) {
        Objects.requireNonNull(value, name);
        if (!value.startsWith("/") || value.length() < 2 || value.contains("*")) {
            throw new IllegalArgumentException(
                    name + ": " + value + " (expected: an exact path starting with /, such as /mcp)");
        }
    }
}
