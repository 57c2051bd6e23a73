package dev.switchboard.mcp.contract;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.demo.DemoOptions;
import dev.switchboard.mcp.demo.DemoServer;
import dev.switchboard.mcp.server.http.HttpServerTransportOptions;
import dev.switchboard.mcp.server.http.McpHttpServer;
import dev.switchboard.mcp.server.http.McpHttpServerOptions;
import java.time.Duration;

/**
 * The demo server over HTTP in this JVM, on 127.0.0.1 and a free port: Streamable HTTP at {@code
 * /mcp}, legacy HTTP+SSE at {@code /sse}. Tool lists come in pages of {@link #PAGE_SIZE}. Idle SSE
 * streams get a keep-alive every half second, so that a client that went away is noticed soon.
 */
final class DemoHttpServer {
    /** The page size of the demo's lists here. */
    static final int PAGE_SIZE = 5;

    private DemoHttpServer() {}

    /** A started server. */
    static McpHttpServer start(McpRuntime runtime) {
        McpHttpServerOptions options = McpHttpServerOptions.defaults()
                .withTransport(HttpServerTransportOptions.defaults().withKeepAliveInterval(Duration.ofMillis(500)));
        McpHttpServer server =
                new McpHttpServer(DemoServer.create(DemoOptions.of(runtime).withPageSize(PAGE_SIZE)), runtime, options);
        server.start();
        return server;
    }
}
