package dev.switchboard.core.resilience;

import java.time.Duration;
import java.util.Objects;

/**
 * How a guarded call that failed is tried again. Only safe retries happen: an idempotent call
 * ({@link CallKind#INITIALIZE}, {@link CallKind#LISTING}) after a transport failure, a timeout or
 * an internal error; any call when the request certainly never reached the server. Between tries
 * the pause doubles from {@code initialBackoff} up to {@code maxBackoff}, with jitter (a random
 * half of it dropped).
 *
 * @param maxRetries how many times a call is tried again after its first try, 0 to 10; default 2
 * @param initialBackoff the pause before the first retry, at most; positive; default 100 ms
 * @param maxBackoff the longest pause; at least {@code initialBackoff}; default 2 s
 */
public record RetrySettings(int maxRetries, Duration initialBackoff, Duration maxBackoff) {

    /** The most retries a call may be given. */
    public static final int MAX_RETRIES = 10;

    /** The defaults: 2 retries, 100 ms doubling up to 2 s. */
    public static final RetrySettings DEFAULTS = new RetrySettings(2, Duration.ofMillis(100), Duration.ofSeconds(2));

    /** No retries at all. */
    public static final RetrySettings NONE = new RetrySettings(0, Duration.ofMillis(100), Duration.ofMillis(100));

    /**
     * Checks the ranges.
     *
     * @throws IllegalArgumentException when a value is out of range, naming it
     * @throws NullPointerException when a duration is null
     */
    public RetrySettings {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxRetries < 0 || maxRetries > MAX_RETRIES) {
            throw new IllegalArgumentException("maxRetries: " + maxRetries + " (expected: 0 to " + MAX_RETRIES + ")");
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero()) {
            throw new IllegalArgumentException(
                    "initialBackoff: " + initialBackoff + " (expected: a positive duration)");
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(
                    "maxBackoff: " + maxBackoff + " (expected: at least initialBackoff " + initialBackoff + ")");
        }
    }
}
