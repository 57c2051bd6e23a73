package dev.switchboard.server.cli;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.demo.DemoServer;
import dev.switchboard.mcp.server.http.McpHttpServerOptions;
import dev.switchboard.mcp.server.http.ResponseMode;
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

    @Option(
            names = "--response-mode",
            paramLabel = "MODE",
            defaultValue = "AUTO",
            description = "How --http answers requests: AUTO (JSON unless the call streams), JSON or SSE"
                    + " (default: ${DEFAULT-VALUE}).")
    ResponseMode responseMode = ResponseMode.AUTO;

    @Override
    public Integer call() {
        Integer port = httpPort;
        if (port != null && (port < 0 || port > 65_535)) {
            System.err.println("demo-server: --http: " + port + " (expected: a port from 0 to 65535)");
            return 2;
        }
        try (McpRuntime runtime = new McpRuntime()) {
            if (port == null) {
                DemoServer.serveStdio(runtime);
            } else {
                McpHttpServerOptions defaults = McpHttpServerOptions.defaults();
                DemoServer.serveHttp(
                        runtime,
                        defaults.withHost(host)
                                .withPort(port)
                                .withTransport(defaults.transport().withResponseMode(responseMode)));
            }
            return 0;
        } catch (IllegalStateException e) {
            System.err.println("demo-server: " + e.getMessage());
            return 1;
        }
    }
}
