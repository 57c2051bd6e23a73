package dev.switchboard.server.cli;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.demo.DemoServer;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code switchboard demo-server}: the bundled demo MCP server, over stdio by default (standard
 * output carries only the protocol; logs go to standard error), or over Streamable HTTP with
 * {@code --http PORT}.
 */
@Command(
        name = "demo-server",
        mixinStandardHelpOptions = true,
        description = "Runs the bundled demo MCP server: over stdio, or Streamable HTTP with --http.")
final class DemoServerCommand implements Callable<Integer> {
    @Option(
            names = "--http",
            paramLabel = "PORT",
            description = "Serve Streamable HTTP at http://HOST:PORT/mcp instead of stdio (0: any free port).")
    @Nullable
    Integer httpPort;

    @Option(
            names = "--host",
            paramLabel = "HOST",
            defaultValue = "127.0.0.1",
            description = "The address to bind with --http (default: ${DEFAULT-VALUE}).")
    String host = "127.0.0.1";

    @Override
    public Integer call() {
        if (httpPort != null && (httpPort < 0 || httpPort > 65_535)) {
            System.err.println("demo-server: --http: " + httpPort + " (expected: a port from 0 to 65535)");
            return 2;
        }
        try (McpRuntime runtime = new McpRuntime()) {
            Integer port = httpPort;
            if (port == null) {
                DemoServer.serveStdio(runtime);
            } else {
                DemoServer.serveHttp(runtime, host, port);
            }
            return 0;
        }
    }
}
