package dev.switchboard.core.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The session pool of a server in {@link SessionMode#PER_IDENTITY} mode. In the file: {@code pool:
 * {maxPerKey: 10, ttl: 5m, idleEviction: 10m, acquireTimeout: 30s, createTimeout: 30s}}.
 *
 * @param maxPerKey the most sessions one key (identity, server, transport) may hold; default 10
 * @param ttl how long a session may live before it is closed instead of reused; default 5 min
 * @param idleEviction how long a key may go unused before its sessions are closed and the key
 *     dropped; default 10 min
 * @param acquireTimeout how long a caller waits for a session when the key's sessions are all in
 *     use; default 30 s
 * @param createTimeout how long creating a new session (connect and initialize) may take; default
 *     30 s
 */
public record PoolSettings(
        int maxPerKey, Duration ttl, Duration idleEviction, Duration acquireTimeout, Duration createTimeout) {

    /** The defaults: 10 a key, 5 min TTL, 10 min idle eviction, 30 s to acquire, 30 s to create. */
    public static final PoolSettings DEFAULTS = new PoolSettings(
            10, Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofSeconds(30));

    /** Checks that no field is null; {@link ConfigValidator} checks the ranges. */
    public PoolSettings {
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(idleEviction, "idleEviction");
        Objects.requireNonNull(acquireTimeout, "acquireTimeout");
        Objects.requireNonNull(createTimeout, "createTimeout");
    }
}
