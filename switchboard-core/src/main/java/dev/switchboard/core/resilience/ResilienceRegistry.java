package dev.switchboard.core.resilience;

import dev.switchboard.core.config.ServerSettings;
import dev.switchboard.mcp.McpRuntime;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The {@link ServerGuard}s of a gateway, by server name: made from each server's settings on
 * first use, shown and reset for operators, dropped when a server goes away. Each guard publishes
 * the metrics listed in the {@linkplain dev.switchboard.core.resilience package documentation},
 * tagged with the server's name, and they go away with it.
 *
 * <p>Thread-safe. Owns no threads: it runs on the timer and executor it is given.
 */
public final class ResilienceRegistry {
    private final GuardEnvironment env;
    private final RetrySettings retry;
    private final ResilienceMeters meters;
    private final ConcurrentHashMap<String, Entry> guards = new ConcurrentHashMap<>();

    private record Entry(ServerGuard guard, List<Meter> meters) {}

    /**
     * A registry on the runtime's timer and virtual threads, with the system clock and {@link
     * RetrySettings#DEFAULTS}.
     */
    public ResilienceRegistry(McpRuntime runtime, MeterRegistry meterRegistry) {
        this(Clock.systemUTC(), runtime.timer(), runtime.virtualThreads(), meterRegistry, RetrySettings.DEFAULTS);
    }

    /**
     * A registry.
     *
     * @param clock what the breakers read to know when an open duration is over
     * @param timer runs timeouts, retry pauses and half-open transitions; its tasks never block
     * @param executor runs retries and request cancellations, which may block (virtual threads suit)
     * @param meterRegistry receives each guard's metrics
     * @param retry how failed calls are retried, for every server
     */
    public ResilienceRegistry(
            Clock clock,
            ScheduledExecutorService timer,
            Executor executor,
            MeterRegistry meterRegistry,
            RetrySettings retry) {
        this(
                new GuardEnvironment(
                        clock,
                        timer,
                        executor,
                        () -> ThreadLocalRandom.current().nextDouble()),
                meterRegistry,
                retry);
    }

    ResilienceRegistry(GuardEnvironment env, MeterRegistry meterRegistry, RetrySettings retry) {
        this.env = env;
        this.retry = Objects.requireNonNull(retry, "retry");
        this.meters = new ResilienceMeters(Objects.requireNonNull(meterRegistry, "meterRegistry"));
    }

    /**
     * The guard of {@code server}, made from the breaker, bulkhead and timeout settings in {@code
     * settings} when there is none yet. When the server has a guard built from other settings (its
     * configuration changed), a new guard replaces it with a closed breaker; calls holding the old
     * one finish on it.
     *
     * @throws IllegalArgumentException when a breaker or bulkhead setting is out of range
     */
    public ServerGuard guard(String server, ServerSettings settings) {
        Objects.requireNonNull(server, "server");
        GuardSettings wanted = GuardSettings.of(settings, retry);
        return guards.compute(server, (name, old) -> {
                    if (old != null && old.guard().settings().equals(wanted)) {
                        return old;
                    }
                    ServerGuard guard = new ServerGuard(name, wanted, env);
                    if (old != null) {
                        retire(old);
                    }
                    return new Entry(guard, meters.bind(guard));
                })
                .guard();
    }

    /** The guard of {@code server}, if it has one. */
    public Optional<ServerGuard> find(String server) {
        return Optional.ofNullable(guards.get(server)).map(Entry::guard);
    }

    /** The breaker and bulkhead of {@code server} now, or empty when it has no guard. */
    public Optional<BreakerStatus> state(String server) {
        return find(server).map(ServerGuard::status);
    }

    /**
     * Closes the breaker of {@code server} and forgets its recorded calls.
     *
     * @return false when the server has no guard
     */
    public boolean reset(String server) {
        Optional<ServerGuard> guard = find(server);
        guard.ifPresent(ServerGuard::reset);
        return guard.isPresent();
    }

    /** The state of every guard, ordered by server name. */
    public List<BreakerStatus> snapshot() {
        return guards.values().stream()
                .map(e -> e.guard().status())
                .sorted(Comparator.comparing(BreakerStatus::server))
                .toList();
    }

    /**
     * Drops the guard of {@code server} and its metrics, for a server removed from the
     * configuration. Calls holding the guard finish on it.
     *
     * @return false when the server had no guard
     */
    public boolean remove(String server) {
        Entry removed = guards.remove(server);
        if (removed != null) {
            retire(removed);
        }
        return removed != null;
    }

    private void retire(Entry entry) {
        meters.unbind(entry.meters());
        entry.guard().cancelTimers();
    }

    @Override
    public String toString() {
        return "ResilienceRegistry" + guards.values().stream().map(Entry::guard).toList();
    }
}
