package dev.switchboard.core.lifecycle;

import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import dev.switchboard.mcp.jsonrpc.JsonRpcNotification;
import dev.switchboard.mcp.jsonrpc.RequestId;
import dev.switchboard.mcp.session.IncomingHandler;
import dev.switchboard.mcp.session.IncomingRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * What a supervised connection does with what its server sends: notifications go to the {@link
 * ConnectionObserver}; requests (sampling, elicitation, roots) that reach it came outside any call
 * that routes them to its caller (see {@link
 * dev.switchboard.mcp.session.RequestOptions#relatedHandler}), so a shared connection has nobody to
 * ask: they are answered with an error that says so and how to get them relayed.
 */
final class NotificationRelay implements IncomingHandler {
    private static final Logger log = LoggerFactory.getLogger(NotificationRelay.class);

    private final String server;
    private final ConnectionObserver observer;

    NotificationRelay(String server, ConnectionObserver observer) {
        this.server = server;
        this.observer = observer;
    }

    @Override
    public CompletionStage<JsonNode> onRequest(IncomingRequest request) {
        return CompletableFuture.failedFuture(new JsonRpcException(
                JsonRpcError.INTERNAL_ERROR,
                request.method() + ": cannot be relayed to a client: server " + server
                        + " is shared by every caller, and this request did not arrive with a call (over stdio"
                        + " nothing says which call asked) (expected: sessionMode: per-session for a server that"
                        + " asks the client for sampling, elicitation or roots)"));
    }

    @Override
    public void onNotification(JsonRpcNotification notification, @Nullable RequestId related) {
        try {
            observer.onNotification(server, notification);
        } catch (RuntimeException e) {
            log.warn("server {}: the connection observer failed on {}", server, notification.method(), e);
        }
    }
}
