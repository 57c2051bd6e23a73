package dev.switchboard.core.engine;

import dev.switchboard.core.pool.PoolStats;
import dev.switchboard.mcp.session.RequestOptions;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * How an endpoint reaches its server for a caller's requests, by session mode: the shared
 * connection, the caller's pooled sessions, or connections owned by session handles. The endpoint
 * wraps every request in the server's guard and counts it; a route only sends.
 */
sealed interface SessionRoute permits SharedRoute, PooledRoute, OwnedRoute {

    /**
     * Sends one request for the caller {@code principal}. Never throws: failures complete the
     * future. Cancelling the future cancels the request.
     */
    CompletableFuture<JsonNode> send(
            String principal, String method, @Nullable JsonNode params, RequestOptions options);

    /** The pool's numbers, for a pooled route. */
    default Optional<PoolStats> poolStats() {
        return Optional.empty();
    }

    /** Closes what the route owns (pool sessions, owned connections), within about {@code budget}. */
    void close(Duration budget);
}
