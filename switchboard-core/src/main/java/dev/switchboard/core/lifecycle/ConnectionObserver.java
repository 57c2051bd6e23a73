package dev.switchboard.core.lifecycle;

import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import dev.switchboard.mcp.jsonrpc.JsonRpcNotification;
import dev.switchboard.mcp.session.IncomingRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

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

    /**
     * The server sent a request (sampling, elicitation, roots) on the shared connection that no
     * call took through its {@link dev.switchboard.mcp.session.RequestOptions#relatedHandler}. Runs
     * on a virtual thread: may block. The default refuses it with an error that says why a shared
     * connection cannot relay it and what can.
     *
     * @param server the server's name
     * @param request the request, to answer through the returned stage
     */
    default CompletionStage<JsonNode> onRequest(String server, IncomingRequest request) {
        return CompletableFuture.failedFuture(cannotRelay(server, request.method(), "it did not arrive with a call"));
    }

    /**
     * The error for a server's request that a shared connection cannot relay to a client.
     *
     * @param why why not, such as {@code it did not arrive with a call}
     */
    static JsonRpcException cannotRelay(String server, String method, String why) {
        return new JsonRpcException(
                JsonRpcError.INTERNAL_ERROR,
                method + ": cannot be relayed to a client: server " + server + " is shared by every caller and " + why
                        + " (expected: sessionMode: per-session for a server that asks the client for sampling,"
                        + " elicitation or roots)");
    }

    /**
     * The client capabilities the shared connection declares at {@code initialize}, such as {@code
     * {"sampling": {}}} when whoever builds on it can relay the server's sampling requests to the
     * caller of the call that asked (see {@link
     * dev.switchboard.mcp.session.RequestOptions#relatedHandler}). A request the server sends outside
     * any such call is answered with an error that says why it cannot be relayed. Default: none.
     *
     * @return a new object; the connection does not keep a reference to it after the handshake
     */
    default ObjectNode clientCapabilities() {
        return JsonNodeFactory.instance.objectNode();
    }
}
