package dev.switchboard.core.engine;

import dev.switchboard.core.SessionLimitException;
import dev.switchboard.core.config.ServerConfig;
import dev.switchboard.core.lifecycle.ServerConnection;
import dev.switchboard.core.lifecycle.ServerConnector;
import dev.switchboard.mcp.client.ClientOptions;
import dev.switchboard.mcp.session.RequestOptions;
import dev.switchboard.mcp.transport.TransportException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The {@code per-session} session mode: each session handle owns a connection of its own (for a
 * stdio server, a process of its own), opened with the handle and closed with it. The server's
 * {@code pool.maxPerKey} caps the connections its handles hold at once; beyond it, opening fails
 * at once with {@link SessionLimitException}. A request sent without a handle gets a connection of
 * its own for just that request, so that callers never share state on such a server.
 */
final class OwnedRoute implements SessionRoute {
    private static final Logger log = LoggerFactory.getLogger(OwnedRoute.class);

    private final ServerConfig config;
    private final ServerConnector connector;
    private final Executor executor;
    private final int limit;
    private final AtomicInteger live = new AtomicInteger();
    private final Set<OwnedSession> sessions = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    OwnedRoute(ServerConfig config, ServerConnector connector, Executor executor) {
        this.config = config;
        this.connector = connector;
        this.executor = executor;
        this.limit = config.settings().pool().maxPerKey();
    }

    /** Connections held now. */
    int live() {
        return live.get();
    }

    /** The most connections held at once. */
    int limit() {
        return limit;
    }

    /**
     * Opens a connection of its own for a new handle; blocks for the server's connect and
     * initialize timeouts at most.
     *
     * @throws SessionLimitException when the server holds {@link #limit()} connections already
     * @throws dev.switchboard.core.lifecycle.ServerConnectException when the connection fails
     */
    OwnedSession open(ServerEndpoint endpoint, UnaryOperator<ClientOptions> options, RequestGate gate) {
        ServerConnection connection = connect(options);
        OwnedSession session = new OwnedSession(endpoint, connection, gate, this::released);
        sessions.add(session);
        if (closed) {
            session.close();
        }
        return session;
    }

    private ServerConnection connect(UnaryOperator<ClientOptions> options) {
        if (closed) {
            throw new TransportException("server " + config.name() + ": the endpoint is closed", null, true);
        }
        if (live.incrementAndGet() > limit) {
            live.decrementAndGet();
            throw new SessionLimitException(config.name(), limit);
        }
        try {
            return connector.connect(config, pid -> {}, options);
        } catch (RuntimeException e) {
            live.decrementAndGet();
            throw e;
        }
    }

    private void released(OwnedSession session) {
        if (sessions.remove(session)) {
            live.decrementAndGet();
        }
    }

    @Override
    public CompletableFuture<JsonNode> send(
            String principal, String method, @Nullable JsonNode params, RequestOptions options) {
        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        try {
            executor.execute(() -> sendOnce(method, params, options, result));
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(
                    new TransportException("server " + config.name() + ": the engine is shut down", e, true));
        }
        return result;
    }

    /** One request on a connection made for it and closed after it. */
    private void sendOnce(
            String method, @Nullable JsonNode params, RequestOptions options, CompletableFuture<JsonNode> result) {
        if (result.isDone()) {
            return;
        }
        ServerConnection connection;
        try {
            connection = connect(UnaryOperator.identity());
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return;
        }
        CompletableFuture<JsonNode> call;
        try {
            call = connection.client().session().request(method, params, options);
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        AtomicBoolean released = new AtomicBoolean();
        result.whenComplete((value, failure) -> {
            if (result.isCancelled()) {
                closeInBackground(connection, released);
            }
        });
        call.whenComplete((value, failure) -> {
            closeInBackground(connection, released);
            if (failure == null) {
                result.complete(value);
            } else {
                result.completeExceptionally(Futures.unwrap(failure));
            }
        });
    }

    /** Closes a one-request connection once, off the completing thread (closing a process blocks). */
    private void closeInBackground(ServerConnection connection, AtomicBoolean released) {
        if (!released.compareAndSet(false, true)) {
            return;
        }
        Runnable close = () -> {
            try {
                connection.close();
            } finally {
                live.decrementAndGet();
            }
        };
        try {
            executor.execute(close);
        } catch (RejectedExecutionException e) {
            close.run();
        }
    }

    /** Closes every handle's connection, all at once, waiting at most {@code budget}. */
    @Override
    public void close(Duration budget) {
        closed = true;
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (OwnedSession session : List.copyOf(sessions)) {
            try {
                closing.add(CompletableFuture.runAsync(session::close, executor));
            } catch (RejectedExecutionException e) {
                session.close();
            }
        }
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new))
                    .get(budget.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            log.warn("server {}: session connections still closing after {} ms", config.name(), budget.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "OwnedRoute[" + config.name() + ", live " + live.get() + " of " + limit + "]";
    }
}
