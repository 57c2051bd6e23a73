package dev.switchboard.core.pool;

import java.util.List;

/**
 * A snapshot of a {@link SessionPool}'s numbers: counters since the pool started, and the sessions
 * of each key at the moment of the snapshot. The counters are read one by one, so under load they
 * may be a few events apart from each other.
 *
 * @param hits acquisitions served by an idle session
 * @param misses acquisitions served by a newly created session
 * @param evictions sessions closed because they were unusable when lent or given back: closed by
 *     the peer, older than the TTL, or failing their health check
 * @param healthCheckFailures health-check chains that failed
 * @param keysEvicted keys dropped after going unused for the idle eviction time
 * @param sessionsReaped idle sessions closed by the background reaper
 * @param invalidations sessions closed because their borrower reported them broken
 * @param acquireTimeouts acquisitions that gave up waiting for a session
 * @param creationFailures sessions that could not be created, including creations that timed out
 * @param keys the sessions of each key the pool holds now
 */
public record PoolStats(
        long hits,
        long misses,
        long evictions,
        long healthCheckFailures,
        long keysEvicted,
        long sessionsReaped,
        long invalidations,
        long acquireTimeouts,
        long creationFailures,
        List<KeyStats> keys) {

    /** Copies the key list. */
    public PoolStats {
        keys = List.copyOf(keys);
    }

    /** Hits divided by hits and misses, or 0 before the first acquisition. */
    public double hitRate() {
        long total = hits + misses;
        return total == 0 ? 0.0 : (double) hits / total;
    }

    /** The number of keys the pool holds. */
    public int keyCount() {
        return keys.size();
    }

    /**
     * The sessions of one key.
     *
     * @param key the key
     * @param available idle sessions, ready to be lent
     * @param active sessions lent, being created or being checked
     * @param max the most sessions the key may hold
     * @param waiters callers waiting for a session
     */
    public record KeyStats(PoolKey key, int available, int active, int max, int waiters) {}
}
