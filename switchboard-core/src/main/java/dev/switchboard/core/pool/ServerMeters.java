package dev.switchboard.core.pool;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToIntFunction;

/**
 * The pool's counters for one server, and the keys of that server, so that gauges can sum over
 * them. Counters are {@link LongAdder}s, cheap to bump from many threads on the hot path; Micrometer
 * reads them when it is scraped.
 */
final class ServerMeters {
    final String server;
    final LongAdder hits = new LongAdder();
    final LongAdder misses = new LongAdder();
    final LongAdder evictions = new LongAdder();
    final LongAdder healthCheckFailures = new LongAdder();
    final LongAdder keysEvicted = new LongAdder();
    final LongAdder sessionsReaped = new LongAdder();
    final LongAdder invalidations = new LongAdder();
    final LongAdder acquireTimeouts = new LongAdder();
    final LongAdder creationFailures = new LongAdder();
    final Set<KeyPool> keys = ConcurrentHashMap.newKeySet();

    ServerMeters(String server) {
        this.server = server;
    }

    /** Idle sessions over every key of the server. */
    double idle() {
        return sum(k -> k.available());
    }

    /** Lent, checked or creating sessions over every key of the server. */
    double active() {
        return sum(k -> k.active());
    }

    /** Callers waiting over every key of the server. */
    double waiters() {
        return sum(k -> k.waiters());
    }

    /** The server's keys. */
    double keyCount() {
        return keys.size();
    }

    /** Hits over hits and misses, 0 before the first acquisition. */
    double hitRate() {
        long h = hits.sum();
        long total = h + misses.sum();
        return total == 0 ? 0.0 : (double) h / total;
    }

    private double sum(ToIntFunction<PoolStats.KeyStats> part) {
        long sum = 0;
        for (KeyPool key : keys) {
            sum += part.applyAsInt(key.stats());
        }
        return sum;
    }
}
