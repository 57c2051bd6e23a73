package dev.switchboard.core;

import dev.switchboard.mcp.jsonrpc.JsonRpcNotification;

/**
 * Told what the servers send on their shared connections outside any call that handles it itself:
 * {@code notifications/resources/updated}, {@code notifications/message} (log messages), the
 * {@code list_changed} notifications (after which the {@linkplain Switchboard#catalog() catalog}
 * is refreshed on its own) and any other. Registered with {@link
 * Switchboard#addServerListener}. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ServerListener {
    /**
     * A server sent a notification. Called on the connection's reader thread: must not block (hand
     * blocking work to an executor). An exception thrown here is logged and ignored.
     *
     * @param server the server's name
     * @param notification the notification as it arrived; treat its params as read-only
     */
    void onNotification(String server, JsonRpcNotification notification);
}
