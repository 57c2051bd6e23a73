package dev.switchboard.core.engine;

import dev.switchboard.core.lifecycle.ServerConnectException;
import dev.switchboard.core.pool.PoolIdentity;
import dev.switchboard.core.pool.PoolKey;
import dev.switchboard.core.pool.PoolStats;
import dev.switchboard.core.pool.SessionCreationException;
import dev.switchboard.core.pool.SessionLease;
import dev.switchboard.core.pool.SessionPool;
import dev.switchboard.mcp.session.RequestOptions;
import dev.switchboard.mcp.transport.TransportException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The {@code per-identity} session mode: each request borrows a session of the caller's own key
 * (principal, server, transport) from the server's pool, on a virtual thread since borrowing may
 * wait or connect, and gives it back when the answer is in. A session whose transport failed is
 * invalidated rather than lent again. Two principals never share a session.
 */
final class PooledRoute implements SessionRoute {
    private final String server;
    private final String transport;
    private final SessionPool pool;
    private final Executor executor;

    PooledRoute(String server, String transport, SessionPool pool, Executor executor) {
        this.server = server;
        this.transport = transport;
        this.pool = pool;
        this.executor = executor;
    }

    /** The pool key of {@code principal}'s sessions with this server. */
    PoolKey key(String principal) {
        return PoolKey.of(PoolIdentity.of(principal), server, transport);
    }

    @Override
    public CompletableFuture<JsonNode> send(
            String principal, String method, @Nullable JsonNode params, RequestOptions options) {
        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        try {
            executor.execute(() -> borrowAndSend(key(principal), method, params, options, result));
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(
                    new TransportException("server " + server + ": the engine is shut down", e, true));
        }
        return result;
    }

    private void borrowAndSend(
            PoolKey key,
            String method,
            @Nullable JsonNode params,
            RequestOptions options,
            CompletableFuture<JsonNode> result) {
        if (result.isDone()) {
            return; // cancelled or timed out before a session was borrowed
        }
        SessionLease lease;
        try {
            lease = pool.acquire(key);
        } catch (SessionCreationException e) {
            result.completeExceptionally(e.getCause() instanceof ServerConnectException c ? c : e);
            return;
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return;
        }
        CompletableFuture<JsonNode> call;
        try {
            call = lease.client().session().request(method, params, options);
        } catch (RuntimeException e) {
            lease.invalidate();
            result.completeExceptionally(e);
            return;
        }
        call.whenComplete((value, failure) -> {
            if (failure != null && Futures.unwrap(failure) instanceof TransportException) {
                lease.invalidate();
            } else {
                lease.close();
            }
            if (failure == null) {
                result.complete(value);
            } else {
                result.completeExceptionally(Futures.unwrap(failure));
            }
        });
        result.whenComplete((value, failure) -> {
            if (result.isCancelled()) {
                call.cancel(true);
            }
        });
    }

    @Override
    public Optional<PoolStats> poolStats() {
        return Optional.of(pool.stats());
    }

    @Override
    public void close(Duration budget) {
        pool.close();
    }

    @Override
    public String toString() {
        return pool.toString();
    }
}
