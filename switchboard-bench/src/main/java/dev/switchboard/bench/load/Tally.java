package dev.switchboard.bench.load;

import dev.switchboard.bench.LatencyHistogram;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What the calls of one session (or, merged, of a whole run) came to: successful measured calls and
 * their latencies, failed measured calls by kind, and the warm-up's counts. Not thread-safe: each
 * session counts into its own, read by the coordinator after the session's thread ended.
 */
final class Tally {
    private final LatencyHistogram latency = new LatencyHistogram();
    private final Map<String, Long> failures = new TreeMap<>();
    private long ok;
    private long warmupOk;
    private long warmupFailed;
    private long lastEnd;
    private @Nullable String firstError;

    /**
     * Counts one call.
     *
     * @param measured whether it ended after the warm-up
     * @param failure what went wrong, or {@code null} when it succeeded
     * @param nanos how long it took
     * @param stop when it ended ({@link System#nanoTime()})
     */
    void record(boolean measured, @Nullable Failure failure, long nanos, long stop) {
        if (!measured) {
            if (failure == null) {
                warmupOk++;
            } else {
                warmupFailed++;
            }
            return;
        }
        if (failure == null) {
            ok++;
            latency.record(nanos);
        } else {
            failures.merge(failure.kind(), 1L, Long::sum);
            if (firstError == null) {
                firstError = failure.kind() + ": " + failure.message();
            }
        }
        lastEnd = Math.max(lastEnd, stop);
    }

    /** Adds everything {@code other} counted. */
    void add(Tally other) {
        latency.add(other.latency);
        other.failures.forEach((kind, n) -> failures.merge(kind, n, Long::sum));
        ok += other.ok;
        warmupOk += other.warmupOk;
        warmupFailed += other.warmupFailed;
        lastEnd = Math.max(lastEnd, other.lastEnd);
        if (firstError == null) {
            firstError = other.firstError;
        }
    }

    LatencyHistogram latency() {
        return latency;
    }

    /** Failed measured calls by kind, sorted by kind. */
    Map<String, Long> failures() {
        return Map.copyOf(failures);
    }

    long ok() {
        return ok;
    }

    long failed() {
        return failures.values().stream().mapToLong(Long::longValue).sum();
    }

    long warmupCalls() {
        return warmupOk;
    }

    long warmupFailed() {
        return warmupFailed;
    }

    /** When the last measured call ended, or 0 when none did. */
    long lastEnd() {
        return lastEnd;
    }

    @Nullable
    String firstError() {
        return firstError;
    }
}
