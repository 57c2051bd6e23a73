package dev.switchboard.core.lifecycle;

import java.time.Duration;
import java.util.Objects;

/**
 * How supervisors retry, cap and stop their servers. Immutable; start from {@link #DEFAULTS} and
 * change what differs with the {@code with...} methods.
 *
 * @param backoffBase the shortest delay before a reconnect, and the base of the exponential
 *     backoff; default 1 s
 * @param backoffCeiling the longest delay before a reconnect; default 60 s
 * @param stableUptime how long a connection must stay up before its failure counts as a new
 *     problem rather than one more round of a crash loop (the backoff starts again from the base);
 *     default 60 s
 * @param maxProcesses the most processes of one stdio server a supervisor keeps alive at once;
 *     default 1 (one shared session)
 * @param toolPageCap the most {@code tools/list} pages read after connecting; default 100
 * @param drainTimeout how long unregistering a server waits for its requests in flight; default 10 s
 * @param closeTimeout how long closing one server may take; default 10 s
 * @param shutdownTimeout how long closing the whole registry may take; default 30 s
 * @param healthCheckTimeout how long a health check waits for all pings together; default 5 s
 */
public record SupervisionSettings(
        Duration backoffBase,
        Duration backoffCeiling,
        Duration stableUptime,
        int maxProcesses,
        int toolPageCap,
        Duration drainTimeout,
        Duration closeTimeout,
        Duration shutdownTimeout,
        Duration healthCheckTimeout) {

    /** The defaults listed on the fields. */
    public static final SupervisionSettings DEFAULTS = new SupervisionSettings(
            Duration.ofSeconds(1),
            Duration.ofSeconds(60),
            Duration.ofSeconds(60),
            1,
            100,
            Duration.ofSeconds(10),
            Duration.ofSeconds(10),
            Duration.ofSeconds(30),
            Duration.ofSeconds(5));

    /**
     * Checks every field.
     *
     * @throws IllegalArgumentException naming the first field out of range
     * @throws NullPointerException when a duration is null
     */
    public SupervisionSettings {
        positive("backoffBase", backoffBase);
        positive("backoffCeiling", backoffCeiling);
        if (backoffCeiling.compareTo(backoffBase) < 0) {
            throw new IllegalArgumentException(
                    "backoffCeiling: " + backoffCeiling + " (expected: at least backoffBase " + backoffBase + ")");
        }
        positive("stableUptime", stableUptime);
        if (maxProcesses < 1) {
            throw new IllegalArgumentException("maxProcesses: " + maxProcesses + " (expected: at least 1)");
        }
        if (toolPageCap < 1) {
            throw new IllegalArgumentException("toolPageCap: " + toolPageCap + " (expected: at least 1)");
        }
        positive("drainTimeout", drainTimeout);
        positive("closeTimeout", closeTimeout);
        positive("shutdownTimeout", shutdownTimeout);
        positive("healthCheckTimeout", healthCheckTimeout);
    }

    /** These settings with another backoff base and ceiling. */
    public SupervisionSettings withBackoff(Duration base, Duration ceiling) {
        return new SupervisionSettings(
                base,
                ceiling,
                stableUptime,
                maxProcesses,
                toolPageCap,
                drainTimeout,
                closeTimeout,
                shutdownTimeout,
                healthCheckTimeout);
    }

    /** These settings with another uptime after which the backoff starts again. */
    public SupervisionSettings withStableUptime(Duration value) {
        return new SupervisionSettings(
                backoffBase,
                backoffCeiling,
                value,
                maxProcesses,
                toolPageCap,
                drainTimeout,
                closeTimeout,
                shutdownTimeout,
                healthCheckTimeout);
    }

    /** These settings with another cap on processes per server. */
    public SupervisionSettings withMaxProcesses(int value) {
        return new SupervisionSettings(
                backoffBase,
                backoffCeiling,
                stableUptime,
                value,
                toolPageCap,
                drainTimeout,
                closeTimeout,
                shutdownTimeout,
                healthCheckTimeout);
    }

    /** These settings with another drain timeout and other close timeouts (one server, all). */
    public SupervisionSettings withStopTimeouts(Duration drain, Duration closeOne, Duration closeAll) {
        return new SupervisionSettings(
                backoffBase,
                backoffCeiling,
                stableUptime,
                maxProcesses,
                toolPageCap,
                drain,
                closeOne,
                closeAll,
                healthCheckTimeout);
    }

    /** These settings with another health check timeout. */
    public SupervisionSettings withHealthCheckTimeout(Duration value) {
        return new SupervisionSettings(
                backoffBase,
                backoffCeiling,
                stableUptime,
                maxProcesses,
                toolPageCap,
                drainTimeout,
                closeTimeout,
                shutdownTimeout,
                value);
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: a positive duration)");
        }
    }
}
