package dev.switchboard.core.lifecycle;

import dev.switchboard.core.ServerIdentity;
import dev.switchboard.core.config.ServerConfig;
import dev.switchboard.core.config.Timeouts;
import dev.switchboard.mcp.client.McpClient;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import dev.switchboard.mcp.protocol.McpMethods;
import dev.switchboard.mcp.session.McpTimeoutException;
import dev.switchboard.mcp.session.RequestOptions;
import dev.switchboard.mcp.transport.TransportException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps one server connected: connects lazily at first use (or at once when the server is eager),
 * lists its tools, reconnects with backoff after a failure or a lost session, caps its processes,
 * and reports all of it in {@link #status()}. Made and closed by {@link ServerRegistry}; one
 * supervisor's failures never reach another. Thread-safe.
 *
 * <p>Requests sent through {@link #request} are counted, so that unregistering the server can wait
 * for them, and their transport failures and timeouts show in the status. {@link #client()} hands
 * out the client itself for anything else.
 */
public final class ServerSupervisor {
    private final ServerConfig config;
    private final SupervisorContext context;
    private final ServerLink link;
    private final Pings pings;
    private final Set<CompletableFuture<@Nullable Void>> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean draining;

    ServerSupervisor(ServerConfig config, SupervisorContext context) {
        this(config, context, ConnectionObserver.NONE);
    }

    ServerSupervisor(ServerConfig config, SupervisorContext context, ConnectionObserver observer) {
        this.config = Objects.requireNonNull(config, "config");
        this.context = Objects.requireNonNull(context, "context");
        this.link = new ServerLink(config, context, Objects.requireNonNull(observer, "observer"));
        this.pings = new Pings(config.name(), link, context.clock(), this::status);
    }

    /** The server's name. */
    public String name() {
        return config.name();
    }

    /** The server's configuration. */
    public ServerConfig config() {
        return config;
    }

    /**
     * The connected client, connecting first when needed. Concurrent first callers share one
     * attempt. Waits at most the server's connect plus initialize timeouts; while a reconnect is
     * scheduled further away than that, fails at once rather than start another process early.
     *
     * @throws ServerConnectException when the server is disabled, closed, or not connected within the
     *     wait, with the phase and message of the last error
     */
    public McpClient client() {
        return link.await(connectBudget()).client();
    }

    /**
     * Sends a request, connecting first when needed (on the executor, so this never blocks), and
     * counts it until it completes. A transport failure or a timeout marks the server degraded
     * (phase {@link ErrorPhase#TOOL_CALL} for {@code tools/call}, else {@link ErrorPhase#RUNTIME});
     * an error answer from the server does not, since the server answered.
     *
     * @return the result; fails with {@link ServerConnectException} when there is no connection,
     *     {@link JsonRpcException} for an error answer or a timeout, {@link TransportException} when
     *     the transport fails
     */
    public CompletableFuture<JsonNode> request(String method, @Nullable JsonNode params, RequestOptions options) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(options, "options");
        CompletableFuture<@Nullable Void> tracker = new CompletableFuture<>();
        inFlight.add(tracker);
        if (draining) {
            inFlight.remove(tracker);
            return CompletableFuture.failedFuture(link.unavailable("closing"));
        }
        CompletableFuture<JsonNode> result;
        try {
            result = send(method, params, options);
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        result.whenComplete((value, failure) -> {
            record(method, failure);
            inFlight.remove(tracker);
            tracker.complete(null);
        });
        return result;
    }

    /** {@link #request} of {@code tools/call} with {@code name} and {@code arguments} (empty when null). */
    public CompletableFuture<JsonNode> callTool(String name, @Nullable JsonNode arguments, RequestOptions options) {
        ObjectNode params = JsonNodeFactory.instance.objectNode();
        params.put("name", Objects.requireNonNull(name, "name"));
        params.set("arguments", arguments == null ? JsonNodeFactory.instance.objectNode() : arguments);
        return request(McpMethods.TOOLS_CALL, params, options);
    }

    /**
     * What the server said of itself when the current connection was initialized; empty while there
     * is none. Never connects.
     */
    public Optional<ServerIdentity> identity() {
        ServerConnection c = link.current();
        if (c == null) {
            return Optional.empty();
        }
        McpClient client = c.client();
        return Optional.of(new ServerIdentity(client.serverInfo(), client.serverCapabilities(), client.instructions()));
    }

    /** A snapshot of the server's state, last error, retries, stderr tail, tools and processes. */
    public ServerStatus status() {
        Health h = link.health();
        Instant now = context.clock().instant();
        ServerConnection c = link.current();
        List<String> stderr = c != null ? c.recentStderr() : h.stderrTail();
        return new ServerStatus(
                name(),
                h.transport(),
                h.state(),
                h.phase(),
                h.message(),
                h.errorAt(),
                h.failuresAt(now, context.settings().stableUptime()),
                stderr,
                h.lastSuccess(),
                h.toolCount(),
                h.nextAttemptAt(),
                link.processes().live(),
                inFlight.size());
    }

    /**
     * Tests the connection, as an operator's "test" button does: pings a connected server; otherwise
     * (or when the ping fails) connects now and, while attempts fail, waits for the next ones, which
     * follow the backoff, up to {@code maxAttempts} attempts in all. Blocks; never throws for a
     * failed connection, which the returned status shows.
     *
     * @param maxAttempts how many connection attempts at most; at least 1
     * @throws IllegalArgumentException when {@code maxAttempts} is less than 1
     */
    public ServerStatus testConnection(int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts: " + maxAttempts + " (expected: at least 1)");
        }
        ServerConnection c = link.current();
        if (c != null && pings.pingNow(c, config.settings().timeouts().call())) {
            return status();
        }
        try {
            Attempt a = link.reconnect();
            for (int attempt = 1; ; attempt++) {
                try {
                    link.waitFor(a, link.untilDue(a).plus(connectBudget()));
                    return status();
                } catch (ServerConnectException e) {
                    if (attempt >= maxAttempts || e.phase() == ErrorPhase.CONFIG) {
                        return status();
                    }
                }
                a = link.pendingOrNew();
            }
        } catch (ServerConnectException e) {
            return status();
        }
    }

    /**
     * Closes the current connection (a stdio server's process stops) and connects again now,
     * waiting for the result at most the close timeout plus the connect and initialize timeouts.
     * Never throws for a failed connection, which the returned status shows.
     *
     * @throws ServerConnectException when the server is disabled or closed
     */
    public ServerStatus reconnect() {
        Attempt a = link.reconnect();
        try {
            link.waitFor(a, connectBudget().plus(context.settings().closeTimeout()));
        } catch (ServerConnectException e) {
            // the status carries it
        }
        return status();
    }

    @Override
    public String toString() {
        return "ServerSupervisor[" + name() + ", " + link.health().state() + "]";
    }

    /** Starts connecting now when the server is eager. */
    void start() {
        link.start();
    }

    /** Pings the server if it is connected (see {@link Pings#ping}); the result never fails. */
    CompletableFuture<ServerHealth> ping(Duration timeout) {
        return pings.ping(timeout);
    }

    /** Records a ping that got no answer within {@code timeout}. */
    ServerHealth pingUnanswered(Duration timeout) {
        return pings.unanswered(timeout);
    }

    /**
     * Stops taking requests and waits at most {@code timeout} for those in flight.
     *
     * @return whether all of them completed
     */
    boolean drain(Duration timeout) {
        draining = true;
        CompletableFuture<?>[] pending = inFlight.toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(pending).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops taking requests and closes the connection and any attempt, within about {@code budget}. */
    void close(Duration budget) {
        draining = true;
        link.close(budget);
    }

    ProcessSlots processes() {
        return link.processes();
    }

    private CompletableFuture<JsonNode> send(String method, @Nullable JsonNode params, RequestOptions options) {
        ServerConnection c = link.current();
        if (c != null) {
            return c.client().session().request(method, params, options);
        }
        try {
            return CompletableFuture.supplyAsync(() -> link.await(connectBudget()), context.executor())
                    .thenCompose(conn -> conn.client().session().request(method, params, options));
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(link.unavailable("the executor is shut down"));
        }
    }

    private void record(String method, @Nullable Throwable failure) {
        if (failure == null) {
            if (link.health().state() == ServerState.DEGRADED) {
                link.updateHealth(h -> h.succeeded(null));
            }
            return;
        }
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        boolean serverFault = cause instanceof TransportException || cause instanceof McpTimeoutException;
        if (!serverFault || cause instanceof CancellationException) {
            return;
        }
        ErrorPhase phase = McpMethods.TOOLS_CALL.equals(method) ? ErrorPhase.TOOL_CALL : ErrorPhase.RUNTIME;
        Instant now = context.clock().instant();
        String message = method + " failed: " + cause.getMessage();
        link.updateHealth(h -> h.callFailed(phase, message, now));
    }

    private Duration connectBudget() {
        Timeouts t = config.settings().timeouts();
        return t.connect().plus(t.initialize());
    }
}
