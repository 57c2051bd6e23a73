package dev.switchboard.bench;

import dev.switchboard.core.config.ServerConfig;
import dev.switchboard.core.lifecycle.ServerConnection;
import dev.switchboard.core.lifecycle.ServerConnector;
import dev.switchboard.mcp.session.RequestOptions;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;

/**
 * Calls {@code echo} on a new session every time, as a gateway without a pool does: connect (for a
 * stdio server, start its process), initialize, call, close (for a stdio server, until its process
 * is gone). The sessions come from the engine's {@link ServerConnector}, as the pooled client's do;
 * over HTTP the runtime's shared HTTP client keeps its TCP connections, so only the MCP session is
 * new.
 */
final class ColdEchoClient implements EchoClient {
    private final ServerConnector connector;
    private final ServerConfig server;
    private final RequestOptions requestOptions;
    private final ThreadFactory threads =
            Thread.ofVirtual().name("cold-caller-", 0).factory();

    ColdEchoClient(ServerConnector connector, ServerConfig server, Duration timeout) {
        this.connector = connector;
        this.server = server;
        this.requestOptions = RequestOptions.defaults().withTimeout(timeout);
    }

    @Override
    public String echo(String message) {
        try (ServerConnection connection = connector.connect(server)) {
            return EchoCall.call(connection.client(), message, requestOptions);
        }
    }

    @Override
    public ThreadFactory callerThreads() {
        return threads;
    }

    /** Nothing to close: every call closes its own session. */
    @Override
    public void close() {}
}
