package dev.switchboard.bench;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.demo.DemoOptions;
import dev.switchboard.mcp.demo.DemoServer;
import dev.switchboard.mcp.server.http.McpHttpServer;
import dev.switchboard.mcp.server.http.McpHttpServerOptions;
import java.io.IOException;
import java.io.InputStream;

/**
 * The demo server ({@link DemoServer#create}) served over Streamable HTTP by {@link McpHttpServer}
 * on 127.0.0.1, for the benchmark's HTTP child process: {@code DemoHttpServer --http PORT}. It
 * prints its endpoint to standard error and stops when its standard input ends, so it cannot
 * outlive the benchmark that started it.
 */
public final class DemoHttpServer {
    private DemoHttpServer() {}

    /** Serves until standard input ends. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2 || !args[0].equals("--http")) {
            System.err.println("usage: DemoHttpServer --http PORT");
            System.exit(2);
            return;
        }
        int port = Integer.parseInt(args[1]);
        try (McpRuntime runtime = new McpRuntime();
                McpHttpServer server = new McpHttpServer(
                        DemoServer.create(DemoOptions.of(runtime)),
                        runtime,
                        McpHttpServerOptions.defaults().withPort(port))) {
            server.start();
            System.err.println("demo-http-server: listening on " + server.mcpEndpoint());
            drain(System.in);
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[256];
        while (in.read(buffer) >= 0) {
            // nothing is sent on stdin; it only tells when the parent is gone
        }
    }
}
