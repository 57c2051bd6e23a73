package dev.switchboard.bench;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.transport.Transport;
import java.net.URI;
import java.util.List;

/** Switchboard's client transports, as the benchmark configures them. */
final class SwitchboardTransports {
    private SwitchboardTransports() {}

    /** A stdio transport that starts {@code command}. */
    static Transport stdio(List<String> command, McpRuntime runtime) {
        throw new UnsupportedOperationException("stdio transport: not on main yet " + command + runtime);
    }

    /** A Streamable HTTP transport to {@code url}. */
    static Transport http(URI url, McpRuntime runtime) {
        throw new UnsupportedOperationException("http transport: not on main yet " + url + runtime);
    }
}
