package dev.switchboard.core.lifecycle;

import dev.switchboard.core.config.ServerConfig;
import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.client.ClientOptions;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import java.util.function.LongConsumer;
import java.util.function.UnaryOperator;

/**
 * Turns a {@link ServerConfig} into a connected, initialized session. Implementations are
 * thread-safe; each call makes a new connection (and, for a stdio server, a new process).
 */
public interface ServerConnector {

    /**
     * The connector for the real transports: stdio processes, Streamable HTTP (falling back to the
     * legacy HTTP+SSE transport when the server answers the {@code initialize} POST with 400, 404 or
     * 405), HTTP+SSE and WebSocket. Timeouts come from the server's {@link
     * dev.switchboard.core.config.Timeouts}: {@code connect} for opening the connection, {@code
     * initialize} for the handshake, {@code call} as the session's default request timeout.
     *
     * @param runtime the shared threads, timer and HTTP client; not closed by the connector
     */
    static ServerConnector create(McpRuntime runtime) {
        return new TransportConnector(runtime);
    }

    /**
     * {@link #create(McpRuntime)}, counting in {@code meters}, per server (tag {@code server}), the
     * stdio processes it starts ({@code switchboard.server.process.starts}) and those that crash
     * ({@code switchboard.server.process.crashes}): a process whose session closes with a cause
     * after the handshake, not one closed on purpose nor one that exits during the handshake.
     *
     * @param runtime the shared threads, timer and HTTP client; not closed by the connector
     * @param meters where the counters are registered
     */
    static ServerConnector create(McpRuntime runtime, MeterRegistry meters) {
        return new MeteredConnector(
                new TransportConnector(runtime), new ProcessMeters(Objects.requireNonNull(meters, "meters")));
    }

    /**
     * Connects to the server and performs the MCP handshake. Blocks for at most the connect and
     * initialize timeouts (plus a stdio server's shutdown graces when the handshake fails).
     *
     * @param config the server
     * @param onProcessStarted called with the process id as soon as a stdio server's process is
     *     started, before the handshake (also when the handshake then fails); never called for a
     *     remote server
     * @return the open connection; the caller closes it
     * @throws ServerConnectException when the connection or the handshake fails, with the phase; the
     *     half-made connection is closed (for a stdio server: its process tree is gone)
     */
    ServerConnection connect(ServerConfig config, LongConsumer onProcessStarted);

    /**
     * {@link #connect(ServerConfig, LongConsumer)} with the client options adjusted by {@code
     * options} before the handshake: to declare client capabilities and handle what the server
     * sends ({@link ClientOptions#withServerRequests}). A connector that builds no client options
     * (a test double) may ignore it; the default does.
     *
     * @param options turns the options the connector would use into the ones to use
     */
    default ServerConnection connect(
            ServerConfig config, LongConsumer onProcessStarted, UnaryOperator<ClientOptions> options) {
        return connect(config, onProcessStarted);
    }

    /** {@link #connect(ServerConfig, LongConsumer)} without watching the process. */
    default ServerConnection connect(ServerConfig config) {
        return connect(config, pid -> {});
    }
}
