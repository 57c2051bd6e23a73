package dev.switchboard.core.pool;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * The pool's metrics: every name and tag key in one place, the counters per server, and their
 * registration with Micrometer. Tags stay low-cardinality: the server's name and the session state,
 * never an identity or a session id; per-key numbers are summed per server.
 */
final class PoolMeters {
    static final String HITS = "switchboard.pool.hits";
    static final String MISSES = "switchboard.pool.misses";
    static final String EVICTIONS = "switchboard.pool.evictions";
    static final String HEALTH_CHECK_FAILURES = "switchboard.pool.health.check.failures";
    static final String KEYS_EVICTED = "switchboard.pool.keys.evicted";
    static final String SESSIONS_REAPED = "switchboard.pool.sessions.reaped";
    static final String INVALIDATIONS = "switchboard.pool.invalidations";
    static final String ACQUIRE_TIMEOUTS = "switchboard.pool.acquire.timeouts";
    static final String CREATION_FAILURES = "switchboard.pool.creation.failures";
    static final String SESSIONS = "switchboard.pool.sessions";
    static final String WAITERS = "switchboard.pool.waiters";
    static final String KEYS = "switchboard.pool.keys";
    static final String MAX_PER_KEY = "switchboard.pool.max.per.key";
    static final String HIT_RATE = "switchboard.pool.hit.rate";

    static final String TAG_SERVER = "server";
    static final String TAG_STATE = "state";

    private final @Nullable MeterRegistry registry;
    private final int maxPerKey;
    private final Map<String, ServerMeters> servers = new ConcurrentHashMap<>();
    private final List<Meter> registered = new CopyOnWriteArrayList<>();

    PoolMeters(@Nullable MeterRegistry registry, int maxPerKey) {
        this.registry = registry;
        this.maxPerKey = maxPerKey;
    }

    /** The meters of {@code server}, registered with Micrometer on first use. */
    ServerMeters forServer(String server) {
        ServerMeters meters = servers.get(server);
        return meters != null ? meters : servers.computeIfAbsent(server, this::register);
    }

    private ServerMeters register(String server) {
        ServerMeters m = new ServerMeters(server);
        MeterRegistry r = registry;
        if (r == null) {
            return m;
        }
        Tags tags = Tags.of(TAG_SERVER, server);
        counter(r, HITS, "Acquisitions served by an idle session", tags, m.hits);
        counter(r, MISSES, "Acquisitions served by a new session", tags, m.misses);
        counter(r, EVICTIONS, "Sessions closed as unusable when lent or returned", tags, m.evictions);
        counter(r, HEALTH_CHECK_FAILURES, "Health-check chains that failed", tags, m.healthCheckFailures);
        counter(r, KEYS_EVICTED, "Pool keys dropped after going unused", tags, m.keysEvicted);
        counter(r, SESSIONS_REAPED, "Idle sessions closed by the reaper", tags, m.sessionsReaped);
        counter(r, INVALIDATIONS, "Sessions closed because their borrower reported them broken", tags, m.invalidations);
        counter(r, ACQUIRE_TIMEOUTS, "Acquisitions that gave up waiting for a session", tags, m.acquireTimeouts);
        counter(r, CREATION_FAILURES, "Sessions that could not be created", tags, m.creationFailures);
        gauge(r, SESSIONS, "Idle sessions", tags.and(TAG_STATE, "idle"), m, ServerMeters::idle);
        gauge(
                r,
                SESSIONS,
                "Lent, checked or creating sessions",
                tags.and(TAG_STATE, "active"),
                m,
                ServerMeters::active);
        gauge(r, WAITERS, "Callers waiting for a session", tags, m, ServerMeters::waiters);
        gauge(r, KEYS, "Pool keys (identity, server, transport)", tags, m, ServerMeters::keyCount);
        gauge(r, MAX_PER_KEY, "The most sessions one key may hold", tags, m, s -> maxPerKey);
        gauge(r, HIT_RATE, "Hits over hits and misses", tags, m, ServerMeters::hitRate);
        return m;
    }

    private void counter(MeterRegistry r, String name, String description, Tags tags, LongAdder adder) {
        takeOver(r, name, tags);
        registered.add(FunctionCounter.builder(name, adder, LongAdder::doubleValue)
                .description(description)
                .tags(tags)
                .register(r));
    }

    private void gauge(
            MeterRegistry r,
            String name,
            String description,
            Tags tags,
            ServerMeters m,
            ToDoubleFunction<ServerMeters> f) {
        takeOver(r, name, tags);
        registered.add(Gauge.builder(name, m, f)
                .description(description)
                .tags(tags)
                .strongReference(true)
                .register(r));
    }

    /** A snapshot of the counters summed over every server, and of {@code keys}. */
    PoolStats stats(Collection<KeyPool> keys) {
        List<PoolStats.KeyStats> perKey = new ArrayList<>(keys.size());
        keys.forEach(k -> perKey.add(k.stats()));
        return new PoolStats(
                sum(m -> m.hits),
                sum(m -> m.misses),
                sum(m -> m.evictions),
                sum(m -> m.healthCheckFailures),
                sum(m -> m.keysEvicted),
                sum(m -> m.sessionsReaped),
                sum(m -> m.invalidations),
                sum(m -> m.acquireTimeouts),
                sum(m -> m.creationFailures),
                perKey);
    }

    private long sum(Function<ServerMeters, LongAdder> counter) {
        long total = 0;
        for (ServerMeters m : servers.values()) {
            total += counter.apply(m).sum();
        }
        return total;
    }

    /**
     * The newest pool of a server owns its meters: a pool that replaces another (a server's
     * configuration reloaded while the old pool drains) takes them over, since a registry keeps the
     * first meter registered under a name and tags and would otherwise keep reading the old pool.
     */
    private static void takeOver(MeterRegistry r, String name, Tags tags) {
        Meter existing = r.find(name).tags(tags).meter();
        if (existing != null) {
            r.remove(existing);
        }
    }

    /** Removes the pool's meters from the registry, unless a newer pool took them over. */
    void close() {
        MeterRegistry r = registry;
        if (r != null) {
            for (Meter meter : registered) {
                Meter current = r.find(meter.getId().getName())
                        .tags(meter.getId().getTags())
                        .meter();
                if (current == meter) {
                    r.remove(meter);
                }
            }
        }
        registered.clear();
    }
}
