package dev.switchboard.core.engine;

import dev.switchboard.core.ServerListener;
import dev.switchboard.mcp.jsonrpc.JsonRpcNotification;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The engine's {@link ServerListener}s, told in turn; one failing listener never stops the others. */
final class ServerEvents implements ServerListener {
    private static final Logger log = LoggerFactory.getLogger(ServerEvents.class);

    private final List<ServerListener> listeners = new CopyOnWriteArrayList<>();

    void add(ServerListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    void remove(ServerListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void onNotification(String server, JsonRpcNotification notification) {
        for (ServerListener listener : listeners) {
            try {
                listener.onNotification(server, notification);
            } catch (RuntimeException e) {
                log.warn("server {}: a listener failed on {}", server, notification.method(), e);
            }
        }
    }
}
