package dev.switchboard.core.pool;

import dev.switchboard.core.config.PoolSettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link SessionPool} behaves. Immutable; every value is checked when the options are made,
 * and a bad one is rejected with {@code name: value (expected: constraint)}, never clamped.
 *
 * @param maxPerKey the most sessions one key may hold, lent, idle or being created; at least 1;
 *     default 10
 * @param ttl the age after which a session is closed instead of reused; default 5 min
 * @param idleEviction how long an idle session may sit unused before the reaper closes it, and how
 *     long a key without sessions may go unused before it is dropped; default 10 min
 * @param acquireTimeout how long {@link SessionPool#acquire} waits for a session when every session
 *     of the key is lent and the key is at {@link #maxPerKey}; default 30 s
 * @param createTimeout how long creating a session (connect and initialize) may take before the
 *     caller gets an error; default 30 s
 * @param healthCheckAfterIdle a session idle at least this long is checked before it is lent;
 *     default 60 s
 * @param healthCheckTimeout how long each step of the health-check chain waits for its answer;
 *     default 5 s
 * @param healthChecks the health-check chain, tried in order; not empty, {@link HealthCheck#SKIP}
 *     only last; default {@code [PING, LIST_TOOLS]}
 * @param reaperInterval how often the background reaper runs; default 60 s
 * @param closeTimeout how long {@link SessionPool#close} waits for its sessions to close; default 10
 *     s
 */
public record PoolOptions(
        int maxPerKey,
        Duration ttl,
        Duration idleEviction,
        Duration acquireTimeout,
        Duration createTimeout,
        Duration healthCheckAfterIdle,
        Duration healthCheckTimeout,
        List<HealthCheck> healthChecks,
        Duration reaperInterval,
        Duration closeTimeout) {

    private static final PoolOptions DEFAULTS = new PoolOptions(
            10,
            Duration.ofMinutes(5),
            Duration.ofMinutes(10),
            Duration.ofSeconds(30),
            Duration.ofSeconds(30),
            Duration.ofSeconds(60),
            Duration.ofSeconds(5),
            List.of(HealthCheck.PING, HealthCheck.LIST_TOOLS),
            Duration.ofSeconds(60),
            Duration.ofSeconds(10));

    /**
     * Checks every value.
     *
     * @throws IllegalArgumentException naming the first value out of range
     * @throws NullPointerException when a value is null
     */
    public PoolOptions {
        if (maxPerKey < 1) {
            throw new IllegalArgumentException("maxPerKey: " + maxPerKey + " (expected: at least 1)");
        }
        positive("ttl", ttl);
        positive("idleEviction", idleEviction);
        positive("acquireTimeout", acquireTimeout);
        positive("createTimeout", createTimeout);
        positive("healthCheckAfterIdle", healthCheckAfterIdle);
        positive("healthCheckTimeout", healthCheckTimeout);
        positive("reaperInterval", reaperInterval);
        positive("closeTimeout", closeTimeout);
        healthChecks = List.copyOf(Objects.requireNonNull(healthChecks, "healthChecks"));
        if (healthChecks.isEmpty()) {
            throw new IllegalArgumentException("healthChecks: [] (expected: at least one check)");
        }
        int skip = healthChecks.indexOf(HealthCheck.SKIP);
        if (skip >= 0 && skip != healthChecks.size() - 1) {
            throw new IllegalArgumentException(
                    "healthChecks: " + healthChecks + " (expected: SKIP only as the last check)");
        }
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: a positive duration)");
        }
    }

    /** Every default, as listed on the components. */
    public static PoolOptions defaults() {
        return DEFAULTS;
    }

    /**
     * The options of a server's {@code pool} settings from the configuration file: its maximum per
     * key, TTL, idle eviction, acquire and create timeouts, and the defaults for the rest.
     */
    public static PoolOptions from(PoolSettings settings) {
        return DEFAULTS.withMaxPerKey(settings.maxPerKey())
                .withTtl(settings.ttl())
                .withIdleEviction(settings.idleEviction())
                .withAcquireTimeout(settings.acquireTimeout())
                .withCreateTimeout(settings.createTimeout());
    }

    /** These options with another {@link #maxPerKey}. */
    public PoolOptions withMaxPerKey(int value) {
        return new PoolOptions(
                value,
                ttl,
                idleEviction,
                acquireTimeout,
                createTimeout,
                healthCheckAfterIdle,
                healthCheckTimeout,
                healthChecks,
                reaperInterval,
                closeTimeout);
    }

    /** These options with another {@link #ttl}. */
    public PoolOptions withTtl(Duration value) {
        return new PoolOptions(
                maxPerKey,
                value,
                idleEviction,
                acquireTimeout,
                createTimeout,
                healthCheckAfterIdle,
                healthCheckTimeout,
                healthChecks,
                reaperInterval,
                closeTimeout);
    }

    /** These options with another {@link #idleEviction}. */
    public PoolOptions withIdleEviction(Duration value) {
        return new PoolOptions(
                maxPerKey,
                ttl,
                value,
                acquireTimeout,
                createTimeout,
                healthCheckAfterIdle,
                healthCheckTimeout,
                healthChecks,
                reaperInterval,
                closeTimeout);
    }

    /** These options with another {@link #acquireTimeout}. */
    public PoolOptions withAcquireTimeout(Duration value) {
        return new PoolOptions(
                maxPerKey,
                ttl,
                idleEviction,
                value,
                createTimeout,
                healthCheckAfterIdle,
                healthCheckTimeout,
                healthChecks,
                reaperInterval,
                closeTimeout);
    }

    /** These options with another {@link #createTimeout}. */
    public PoolOptions withCreateTimeout(Duration value) {
        return new PoolOptions(
                maxPerKey,
                ttl,
                idleEviction,
                acquireTimeout,
                value,
                healthCheckAfterIdle,
                healthCheckTimeout,
                healthChecks,
                reaperInterval,
                closeTimeout);
    }

    /** These options with another health-check chain, idle threshold and step timeout. */
    public PoolOptions withHealthChecks(List<HealthCheck> chain, Duration afterIdle, Duration timeout) {
        return new PoolOptions(
                maxPerKey,
                ttl,
                idleEviction,
                acquireTimeout,
                createTimeout,
                afterIdle,
                timeout,
                chain,
                reaperInterval,
                closeTimeout);
    }

    /** These options with another {@link #reaperInterval}. */
    public PoolOptions withReaperInterval(Duration value) {
        return new PoolOptions(
                maxPerKey,
                ttl,
                idleEviction,
                acquireTimeout,
                createTimeout,
                healthCheckAfterIdle,
                healthCheckTimeout,
                healthChecks,
                value,
                closeTimeout);
    }

    /** These options with another {@link #closeTimeout}. */
    public PoolOptions withCloseTimeout(Duration value) {
        return new PoolOptions(
                maxPerKey,
                ttl,
                idleEviction,
                acquireTimeout,
                createTimeout,
                healthCheckAfterIdle,
                healthCheckTimeout,
                healthChecks,
                reaperInterval,
                value);
    }
}
