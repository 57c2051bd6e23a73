package dev.switchboard.core.lifecycle;

import dev.switchboard.core.config.ServerConfig;
import dev.switchboard.mcp.McpRuntime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The servers the gateway knows, each with its {@link ServerSupervisor}, in registration order.
 * Readers see an immutable snapshot that writers swap atomically, so a lookup never waits for a
 * registration and never sees half of one. Thread-safe.
 *
 * <pre>{@code
 * try (ServerRegistry servers = new ServerRegistry(runtime, SupervisionSettings.DEFAULTS)) {
 *     config.servers().values().forEach(servers::register);
 *     JsonNode result = servers.supervisor("github").orElseThrow()
 *             .callTool("search_issues", args, RequestOptions.defaults()).join();
 * }
 * }</pre>
 */
public final class ServerRegistry implements AutoCloseable {
    private final SupervisorContext context;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>(Snapshot.EMPTY);
    private final ReentrantLock writeLock = new ReentrantLock();
    private boolean closed;

    /** The supervisors by name, in registration order. */
    private record Snapshot(Map<String, ServerSupervisor> byName, List<ServerSupervisor> ordered) {
        static final Snapshot EMPTY = new Snapshot(Map.of(), List.of());

        Snapshot with(ServerSupervisor added) {
            List<ServerSupervisor> list = new ArrayList<>(ordered);
            list.add(added);
            return of(list);
        }

        Snapshot without(String name) {
            return of(ordered.stream().filter(s -> !s.name().equals(name)).toList());
        }

        static Snapshot of(List<ServerSupervisor> list) {
            Map<String, ServerSupervisor> map = new LinkedHashMap<>();
            list.forEach(s -> map.put(s.name(), s));
            return new Snapshot(Map.copyOf(map), List.copyOf(list));
        }
    }

    /**
     * A registry connecting through the real transports, on the runtime's timer and virtual
     * threads, with the system clock.
     *
     * @param runtime the shared threads and HTTP client; not closed by the registry
     * @param settings backoff, caps and timeouts
     */
    public ServerRegistry(McpRuntime runtime, SupervisionSettings settings) {
        this(ServerConnector.create(runtime), runtime, settings);
    }

    /**
     * A registry connecting through {@code connector}, with the system clock.
     *
     * @param connector makes the connections
     * @param runtime the shared timer and virtual threads; not closed by the registry
     * @param settings backoff, caps and timeouts
     */
    public ServerRegistry(ServerConnector connector, McpRuntime runtime, SupervisionSettings settings) {
        this(connector, runtime, settings, Clock.systemUTC());
    }

    /**
     * A registry connecting through {@code connector}, reading the time from {@code clock}: the
     * statuses' timestamps, the uptime after which the backoff starts again, and when the next
     * attempt is due. The delays themselves run on the runtime's timer.
     *
     * @param connector makes the connections
     * @param runtime the shared timer and virtual threads; not closed by the registry
     * @param settings backoff, caps and timeouts
     * @param clock the time of statuses, uptime and backoff
     */
    public ServerRegistry(ServerConnector connector, McpRuntime runtime, SupervisionSettings settings, Clock clock) {
        this(new SupervisorContext(
                Objects.requireNonNull(connector, "connector"),
                runtime.timer(),
                runtime.virtualThreads(),
                Objects.requireNonNull(clock, "clock"),
                ThreadLocalRandom.current(),
                Objects.requireNonNull(settings, "settings")));
    }

    ServerRegistry(SupervisorContext context) {
        this.context = context;
    }

    /**
     * Adds a server and, when it is enabled and eager, starts connecting in the background. Never
     * blocks on the server.
     *
     * @return the server's supervisor
     * @throws IllegalArgumentException when a server of that name is registered already
     * @throws IllegalStateException when the registry is closed
     */
    public ServerSupervisor register(ServerConfig config) {
        return register(config, ConnectionObserver.NONE);
    }

    /**
     * {@link #register(ServerConfig)}, with {@code observer} told of every connection the
     * supervisor makes and of every notification the server sends on it. With an observer other
     * than {@link ConnectionObserver#NONE}, the connection handles the server's notifications (and
     * answers its requests, such as sampling, with "method not found", as it does without one).
     *
     * @throws IllegalArgumentException when a server of that name is registered already
     * @throws IllegalStateException when the registry is closed
     */
    public ServerSupervisor register(ServerConfig config, ConnectionObserver observer) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(observer, "observer");
        ServerSupervisor supervisor;
        writeLock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("registry: closed (expected: open to register " + config.name() + ")");
            }
            Snapshot current = snapshot.get();
            if (current.byName().containsKey(config.name())) {
                throw new IllegalArgumentException(
                        "name: " + config.name() + " (expected: not registered already; unregister it first)");
            }
            supervisor = new ServerSupervisor(config, context, observer);
            snapshot.set(current.with(supervisor));
        } finally {
            writeLock.unlock();
        }
        supervisor.start();
        return supervisor;
    }

    /**
     * Removes a server: new lookups no longer find it at once, then its requests in flight get at
     * most {@link SupervisionSettings#drainTimeout()} to complete, then it is closed (at most
     * {@link SupervisionSettings#closeTimeout()} more). Blocks for that long at most.
     *
     * @return whether a server of that name was registered
     */
    public boolean unregister(String name) {
        ServerSupervisor removed;
        writeLock.lock();
        try {
            Snapshot current = snapshot.get();
            removed = current.byName().get(name);
            if (removed == null) {
                return false;
            }
            snapshot.set(current.without(name));
        } finally {
            writeLock.unlock();
        }
        removed.drain(context.settings().drainTimeout());
        new OrderedShutdown(
                        context.settings().closeTimeout(), context.settings().closeTimeout())
                .close(List.of(removed));
        return true;
    }

    /** The supervisor of {@code name}, if registered. */
    public Optional<ServerSupervisor> supervisor(String name) {
        return Optional.ofNullable(snapshot.get().byName().get(name));
    }

    /** Every supervisor, in registration order. */
    public List<ServerSupervisor> supervisors() {
        return snapshot.get().ordered();
    }

    /** Every server's status, in registration order. Never blocks on a server. */
    public List<ServerStatus> statuses() {
        return snapshot.get().ordered().stream().map(ServerSupervisor::status).toList();
    }

    /**
     * Pings every connected server, all at once, and waits at most {@link
     * SupervisionSettings#healthCheckTimeout()} in all; a server that has not answered by then is
     * reported unhealthy. Servers that are not connected are reported without being started (a lazy
     * server stays idle).
     *
     * @return one result per server, in registration order
     */
    public List<ServerHealth> healthCheck() {
        return new HealthCheck(context.settings().healthCheckTimeout())
                .run(snapshot.get().ordered());
    }

    /**
     * Closes every server in reverse registration order, each within {@link
     * SupervisionSettings#closeTimeout()} and all within {@link SupervisionSettings#shutdownTimeout()};
     * when the total runs out, the rest are closed all at once in the background. Later
     * registrations fail. Idempotent.
     */
    @Override
    public void close() {
        List<ServerSupervisor> all;
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            all = snapshot.get().ordered();
            snapshot.set(Snapshot.EMPTY);
        } finally {
            writeLock.unlock();
        }
        new OrderedShutdown(
                        context.settings().closeTimeout(), context.settings().shutdownTimeout())
                .close(all.reversed());
    }

    @Override
    public String toString() {
        return "ServerRegistry" + snapshot.get().ordered();
    }
}
