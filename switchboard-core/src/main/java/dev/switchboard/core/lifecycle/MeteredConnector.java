package dev.switchboard.core.lifecycle;

import dev.switchboard.core.config.ServerConfig;
import dev.switchboard.mcp.client.ClientOptions;
import java.util.function.LongConsumer;
import java.util.function.UnaryOperator;

/**
 * A {@link ServerConnector} that counts, per server, the processes its delegate starts and those
 * that crash: a connection with a process whose session then closes with a cause (the process
 * exited or its pipes failed) rather than because someone closed it. A process that exits during
 * the handshake is a failed start, not a crash; a connection closed on purpose (shutdown,
 * reconnect, reload, pool eviction) is not a crash. Every session mode connects through it, so
 * pooled and per-session processes count too. Thread-safe.
 */
final class MeteredConnector implements ServerConnector {
    private final ServerConnector delegate;
    private final ProcessMeters meters;

    MeteredConnector(ServerConnector delegate, ProcessMeters meters) {
        this.delegate = delegate;
        this.meters = meters;
    }

    @Override
    public ServerConnection connect(ServerConfig config, LongConsumer onProcessStarted) {
        return connect(config, onProcessStarted, UnaryOperator.identity());
    }

    @Override
    public ServerConnection connect(
            ServerConfig config, LongConsumer onProcessStarted, UnaryOperator<ClientOptions> options) {
        String server = config.name();
        ServerConnection connection = delegate.connect(
                config,
                pid -> {
                    meters.started(server);
                    onProcessStarted.accept(pid);
                },
                options);
        if (connection.pid().isPresent()) {
            connection.closeFuture().whenComplete((cause, failure) -> {
                if (cause != null) {
                    meters.crashed(server);
                }
            });
        }
        return connection;
    }

    @Override
    public String toString() {
        return "MeteredConnector[" + delegate + "]";
    }
}
