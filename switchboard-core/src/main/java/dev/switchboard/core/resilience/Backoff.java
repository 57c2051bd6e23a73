package dev.switchboard.core.resilience;

import java.time.Duration;

/** Exponential backoff with jitter between retries; a pure function of the retry number and a random draw. */
final class Backoff {
    private Backoff() {}

    /**
     * The pause before retry {@code retry} (1 for the first): {@code initial * 2^(retry-1)}, capped
     * at {@code max}, of which a random half is dropped so that callers retrying together spread
     * out. Always within {@code [ceiling / 2, ceiling]} where ceiling is the capped value.
     *
     * @param random a draw from {@code [0, 1)}
     */
    static Duration delay(RetrySettings settings, int retry, double random) {
        long initial = settings.initialBackoff().toNanos();
        long max = settings.maxBackoff().toNanos();
        int doublings = Math.min(Math.max(retry - 1, 0), 62);
        long ceiling = initial > (max >> doublings) ? max : Math.min(max, initial << doublings);
        long half = ceiling / 2;
        return Duration.ofNanos(ceiling - half + (long) (half * Math.min(Math.max(random, 0.0), 1.0)));
    }
}
