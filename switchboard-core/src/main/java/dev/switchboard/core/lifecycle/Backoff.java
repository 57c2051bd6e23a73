package dev.switchboard.core.lifecycle;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter above a floor: after {@code n} failures in a row the delay is
 * drawn uniformly between the base and {@code min(ceiling, base * 2^(n-1))}. The floor keeps a
 * retry from ever following a failure at once. Thread-safe when the random generator is.
 */
final class Backoff {
    private static final int MAX_SHIFT = 30;

    private final long baseNanos;
    private final long ceilingNanos;
    private final RandomGenerator random;

    Backoff(Duration base, Duration ceiling, RandomGenerator random) {
        this.baseNanos = base.toNanos();
        this.ceilingNanos = ceiling.toNanos();
        this.random = random;
    }

    /** The delay after {@code failures} failures in a row (1 for the first). */
    Duration delay(int failures) {
        long upper = upperNanos(failures);
        if (upper <= baseNanos) {
            return Duration.ofNanos(baseNanos);
        }
        double fraction = random.nextDouble();
        return Duration.ofNanos(baseNanos + (long) ((upper - baseNanos) * fraction));
    }

    /** The largest delay {@link #delay} can return after {@code failures} failures. */
    Duration upperBound(int failures) {
        return Duration.ofNanos(upperNanos(failures));
    }

    private long upperNanos(int failures) {
        int shift = Math.min(Math.max(failures, 1) - 1, MAX_SHIFT);
        long upper = baseNanos << shift;
        return upper <= 0 || upper > ceilingNanos || (upper >> shift) != baseNanos ? ceilingNanos : upper;
    }
}
