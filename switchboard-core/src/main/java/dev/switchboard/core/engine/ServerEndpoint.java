package dev.switchboard.core.engine;

import dev.switchboard.core.ServerIdentity;
import dev.switchboard.core.ServerInfo;
import dev.switchboard.core.catalog.Catalog;
import dev.switchboard.core.config.ServerConfig;
import dev.switchboard.core.lifecycle.ErrorPhase;
import dev.switchboard.core.lifecycle.ServerConnectException;
import dev.switchboard.core.lifecycle.ServerRegistry;
import dev.switchboard.core.lifecycle.ServerStatus;
import dev.switchboard.core.lifecycle.ServerSupervisor;
import dev.switchboard.core.pool.PoolStats;
import dev.switchboard.core.resilience.CallKind;
import dev.switchboard.core.resilience.ServerGuard;
import dev.switchboard.mcp.client.ClientOptions;
import dev.switchboard.mcp.session.IncomingHandler;
import dev.switchboard.mcp.session.RequestOptions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One server as one configuration of it runs: its supervisor (in a registry of its own, so that a
 * reconfigured server's new supervisor can start while the old one drains), its guard, the route
 * of its session mode and its discovery. Every request passes through {@link #guarded}, which
 * counts it in flight and wraps it in the guard. An endpoint never changes; a reload that changes
 * the server replaces it. Thread-safe.
 */
final class ServerEndpoint {
    private final ServerConfig config;
    private final ServerRegistry registry;
    private final ServerSupervisor supervisor;
    private final ServerGuard guard;
    private final SessionRoute route;
    private final Discovery discovery;
    private final SharedCallers callers;
    private final InFlight inFlight = new InFlight();

    ServerEndpoint(
            ServerConfig config,
            ServerRegistry registry,
            ServerSupervisor supervisor,
            ServerGuard guard,
            SessionRoute route,
            Discovery discovery,
            SharedCallers callers) {
        this.config = config;
        this.registry = registry;
        this.supervisor = supervisor;
        this.guard = guard;
        this.route = route;
        this.discovery = discovery;
        this.callers = callers;
    }

    String name() {
        return config.name();
    }

    ServerConfig config() {
        return config;
    }

    ServerSupervisor supervisor() {
        return supervisor;
    }

    ServerGuard guard() {
        return guard;
    }

    Discovery discovery() {
        return discovery;
    }

    SessionRoute route() {
        return route;
    }

    /**
     * Sends a request of {@code principal} by the server's session mode, through the guard.
     *
     * @return the result, or {@code null} when the endpoint is retiring (the caller looks the server
     *     up again)
     */
    @Nullable
    CompletableFuture<JsonNode> request(
            String principal, String method, @Nullable JsonNode params, RequestOptions options) {
        IncomingHandler caller = options.relatedHandler();
        if (caller == null || !(route instanceof SharedRoute)) {
            return guarded(method, options, () -> route.send(principal, method, params, options));
        }
        Object token = new Object();
        RequestOptions tracked = callers.enter(options, caller, discovery, token);
        CompletableFuture<JsonNode> result =
                guarded(method, tracked, () -> route.send(principal, method, params, tracked));
        if (result == null) {
            callers.exit(token);
            return null;
        }
        result.whenComplete((value, failure) -> callers.exit(token));
        return result;
    }

    /**
     * Runs {@code send} through the guard with the kind of {@code method} and the timeout of {@code
     * options} (capped at the server's), counted in flight.
     *
     * @return the result, or {@code null} when the endpoint is retiring
     */
    @Nullable
    CompletableFuture<JsonNode> guarded(
            String method, RequestOptions options, Supplier<? extends CompletableFuture<JsonNode>> send) {
        if (!config.settings().enabled()) {
            return CompletableFuture.failedFuture(new ServerConnectException(
                    name(), ErrorPhase.CONFIG, "disabled (enabled: false)", List.of(), null));
        }
        if (!inFlight.enter()) {
            return null;
        }
        CompletableFuture<JsonNode> result;
        try {
            CallKind kind = CallKind.of(method);
            Duration timeout = options.timeout();
            result = timeout == null ? guard.call(kind, send) : guard.call(kind, timeout, send);
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        result.whenComplete((value, failure) -> inFlight.exit());
        return result;
    }

    /**
     * Opens a handle owning a connection of its own; only for a {@code per-session} server.
     *
     * @return the handle, or {@code null} when the endpoint is retiring
     */
    @Nullable
    OwnedSession open(UnaryOperator<ClientOptions> options, RequestGate gate) {
        if (!(route instanceof OwnedRoute owned)) {
            throw new IllegalStateException("server " + name() + " is not a per-session server");
        }
        if (!config.settings().enabled()) {
            throw new ServerConnectException(name(), ErrorPhase.CONFIG, "disabled (enabled: false)", List.of(), null);
        }
        if (inFlight.isDraining()) {
            return null;
        }
        return owned.open(this, options, gate);
    }

    /**
     * What {@link dev.switchboard.core.Switchboard#servers()} shows of this server; the tool count
     * is what {@code catalog} offers of it, or null while the catalog has not listed it.
     */
    ServerInfo info(Catalog catalog) {
        ServerStatus status = supervisor.status();
        Integer toolCount = catalog.server(name()).isPresent()
                ? Integer.valueOf(catalog.toolsOf(name()).size())
                : null;
        return new ServerInfo(
                name(),
                status.transport(),
                config.settings().sessionMode(),
                status.state(),
                status.errorPhase(),
                status.errorMessage(),
                toolCount,
                status);
    }

    /** What the server said of itself on its shared connection; empty while not connected. */
    Optional<ServerIdentity> identity() {
        return supervisor.identity();
    }

    Optional<PoolStats> poolStats() {
        return route.poolStats();
    }

    ServerRegistry registry() {
        return registry;
    }

    /** Stops taking requests and waits at most {@code timeout} for those in flight. */
    boolean drain(Duration timeout) {
        return inFlight.drain(timeout);
    }

    int inFlight() {
        return inFlight.count();
    }

    /**
     * Closes the route (pooled sessions, owned connections) and the supervisor, each within about
     * {@code budget}. Call {@link #drain} first for a graceful stop.
     */
    void close(Duration budget) {
        try {
            route.close(budget);
        } finally {
            registry.close();
        }
    }

    @Override
    public String toString() {
        return name() + "[" + config.settings().sessionMode().configName() + ", "
                + supervisor.status().state() + "]";
    }
}
