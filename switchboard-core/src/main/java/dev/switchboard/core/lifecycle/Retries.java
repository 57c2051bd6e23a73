package dev.switchboard.core.lifecycle;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What follows a failure: how many failures in a row now count (none survive a connection that
 * stayed up for the stable uptime) and when to try again.
 */
final class Retries {
    private final Backoff backoff;
    private final Duration stableUptime;

    /**
     * The decision.
     *
     * @param failures failures in a row, this one included
     * @param delay how long to wait before the next attempt, or {@code null} for no retry
     * @param at when the next attempt is due, or {@code null} for no retry
     */
    record Next(
            int failures,
            @Nullable Duration delay,
            @Nullable Instant at) {}

    Retries(Backoff backoff, Duration stableUptime) {
        this.backoff = backoff;
        this.stableUptime = stableUptime;
    }

    /** The decision after a failure at {@code now}, seen from {@code health}; {@code retry} false for none. */
    Next after(Health health, Instant now, boolean retry) {
        int failures = health.failuresAt(now, stableUptime) + 1;
        if (!retry) {
            return new Next(failures, null, null);
        }
        Duration delay = backoff.delay(failures);
        return new Next(failures, delay, now.plus(delay));
    }
}
