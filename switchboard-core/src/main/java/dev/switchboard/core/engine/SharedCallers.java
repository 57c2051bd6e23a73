package dev.switchboard.core.engine;

import dev.switchboard.core.catalog.Kind;
import dev.switchboard.mcp.jsonrpc.JsonRpcNotification;
import dev.switchboard.mcp.jsonrpc.RequestId;
import dev.switchboard.mcp.session.IncomingHandler;
import dev.switchboard.mcp.session.IncomingRequest;
import dev.switchboard.mcp.session.RequestOptions;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The calls in flight on one server's shared connection whose callers take what the server sends in
 * relation to them ({@link RequestOptions#relatedHandler}). Over Streamable HTTP the server's
 * requests arrive with the call they belong to; over stdio nothing says which call asked, so a
 * request is given to the one caller in flight when there is exactly one, and refused when there
 * are several. What a caller's handler receives, list changes included, also reaches the catalog.
 * Thread-safe.
 */
final class SharedCallers {
    private final Map<Object, IncomingHandler> calls = new ConcurrentHashMap<>();

    /**
     * Counts one call in flight until {@code result} completes, with options whose related handler
     * also hands the server's list changes to {@code catalog}.
     *
     * @return the options to send the call with
     */
    RequestOptions enter(RequestOptions options, IncomingHandler caller, Discovery catalog, Object token) {
        calls.put(token, caller);
        return options.withRelatedHandler(new Tee(caller, catalog));
    }

    /** The call of {@code token} ended. */
    void exit(Object token) {
        calls.remove(token);
    }

    /** The caller of the one call in flight, or {@code null} when there is none or more than one. */
    @Nullable
    IncomingHandler sole() {
        Iterator<IncomingHandler> it = calls.values().iterator();
        if (!it.hasNext()) {
            return null;
        }
        IncomingHandler first = it.next();
        return it.hasNext() ? null : first;
    }

    /** How many calls are in flight. */
    int count() {
        return calls.size();
    }

    /** Gives the caller what it relays, and the catalog what concerns it. */
    private record Tee(IncomingHandler caller, Discovery catalog) implements IncomingHandler {
        @Override
        public CompletionStage<JsonNode> onRequest(IncomingRequest request) {
            try {
                return caller.onRequest(request);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        @Override
        public void onNotification(JsonRpcNotification notification, @Nullable RequestId related) {
            if (!Kind.forNotification(notification.method()).isEmpty()) {
                catalog.listChanged(notification);
            }
            caller.onNotification(notification, related);
        }
    }
}
