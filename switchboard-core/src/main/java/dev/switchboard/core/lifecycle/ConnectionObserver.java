package dev.switchboard.core.lifecycle;

import dev.switchboard.mcp.jsonrpc.JsonRpcNotification;

/**
 * Watches one server's shared connection, for whoever builds on it (the catalog of tools, the
 * gateway's change notifications). Given to {@link ServerRegistry#register(
 * dev.switchboard.core.config.ServerConfig, ConnectionObserver)}; a supervisor calls its observer
 * for every connection it makes, reconnections included. Implementations must be thread-safe.
 */
public interface ConnectionObserver {
    /** An observer that does nothing. */
    ConnectionObserver NONE = new ConnectionObserver() {};

    /**
     * A new connection is in place and serving requests. Called once per connection, on a thread of
     * the registry's executor (a virtual thread), so it may block, for example to list the
     * server's tools through {@code connection.client()}. The connection may close at any time.
     */
    default void onConnected(ServerConnection connection) {}

    /**
     * The server sent a notification on the shared connection, such as {@code
     * notifications/tools/list_changed}. Called on the transport's reader thread: must not block
     * (hand blocking work to an executor).
     *
     * @param server the server's name
     * @param notification the notification as it arrived
     */
    default void onNotification(String server, JsonRpcNotification notification) {}
}
