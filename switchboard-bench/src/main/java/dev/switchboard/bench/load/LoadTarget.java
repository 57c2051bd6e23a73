package dev.switchboard.bench.load;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.client.ClientOptions;
import dev.switchboard.mcp.client.McpClient;
import dev.switchboard.mcp.client.http.HttpTransportOptions;
import dev.switchboard.mcp.client.http.StreamableHttpClientTransport;
import dev.switchboard.mcp.client.stdio.StdioClientTransport;
import dev.switchboard.mcp.client.stdio.StdioServerParameters;
import dev.switchboard.mcp.session.SessionOptions;
import dev.switchboard.mcp.transport.Transport;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Opens initialized client sessions to the target of a run: Switchboard's {@link McpClient} over a
 * new {@link StreamableHttpClientTransport} to the URL, or over a new {@link StdioClientTransport}
 * that starts the command (one process per session). Thread-safe.
 */
final class LoadTarget {
    private static final Duration MAX_CLOSE = Duration.ofSeconds(5);

    private final McpRuntime runtime;
    private final LoadOptions options;
    private final ClientOptions clientOptions;

    LoadTarget(McpRuntime runtime, LoadOptions options) {
        this.runtime = runtime;
        this.options = options;
        Duration timeout = options.callTimeout();
        this.clientOptions = ClientOptions.of(runtime, "switchboard-load")
                .withSession(SessionOptions.of(runtime, "load").withRequestTimeout(timeout))
                .withInitializeTimeout(timeout);
    }

    /**
     * Opens a session: starts the transport, initializes.
     *
     * @throws RuntimeException when that fails (the transport is closed then)
     */
    McpClient open() {
        return McpClient.connect(transport(), clientOptions);
    }

    private Transport transport() {
        URI url = options.url();
        if (url != null) {
            Duration close = options.callTimeout().compareTo(MAX_CLOSE) < 0 ? options.callTimeout() : MAX_CLOSE;
            return new StreamableHttpClientTransport(
                    runtime,
                    HttpTransportOptions.builder(url).closeTimeout(close).build());
        }
        List<String> command = options.command();
        StdioServerParameters parameters = StdioServerParameters.builder(command.get(0))
                .args(command.subList(1, command.size()))
                .inheritEnvironment(true)
                .build();
        return new StdioClientTransport("load", parameters, runtime);
    }
}
