package dev.switchboard.core.lifecycle;

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
 * What a supervised connection does with what its server sends: notifications and requests
 * (sampling, elicitation, roots) that no call took through its {@link
 * dev.switchboard.mcp.session.RequestOptions#relatedHandler} go to the {@link ConnectionObserver}.
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
        try {
            return observer.onRequest(server, request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
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
