package dev.switchboard.bench;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.client.http.HttpTransportOptions;
import dev.switchboard.mcp.client.http.StreamableHttpClientTransport;
import dev.switchboard.mcp.client.stdio.StdioClientTransport;
import dev.switchboard.mcp.client.stdio.StdioServerParameters;
import dev.switchboard.mcp.transport.Transport;
import java.net.URI;
import java.util.List;

/** Switchboard's client transports with their default settings, as a user would create them. */
final class SwitchboardTransports {
    private SwitchboardTransports() {}

    /** A stdio transport that starts {@code command}. */
    static Transport stdio(List<String> command, McpRuntime runtime) {
        StdioServerParameters parameters = StdioServerParameters.builder(command.get(0))
                .args(command.subList(1, command.size()))
                .build();
        return new StdioClientTransport("demo", parameters, runtime);
    }

    /** A Streamable HTTP transport to {@code url}. */
    static Transport http(URI url, McpRuntime runtime) {
        return new StreamableHttpClientTransport(runtime, HttpTransportOptions.of(url));
    }
}
