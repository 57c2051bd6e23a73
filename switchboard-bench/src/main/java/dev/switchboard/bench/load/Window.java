package dev.switchboard.bench.load;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The time and call budget of one run, shared by its sessions: a warm-up, then the measurement. A
 * call is measured when it ends after the warm-up; no call starts after the measurement's end, nor
 * beyond the call budget of the phase it starts in. Thread-safe.
 */
final class Window {
    private final long measureStart;
    private final long end;
    private final AtomicLong warmupLeft;
    private final AtomicLong measureLeft;

    private Window(long measureStart, long end, long maxCalls) {
        this.measureStart = measureStart;
        this.end = end;
        this.warmupLeft = new AtomicLong(maxCalls);
        this.measureLeft = new AtomicLong(maxCalls);
    }

    /** A window whose warm-up starts at {@code now} ({@link System#nanoTime()}). */
    static Window startingAt(long now, Duration warmup, Duration measure, long maxCalls) {
        long measureStart = now + warmup.toNanos();
        return new Window(measureStart, measureStart + measure.toNanos(), maxCalls);
    }

    /** The start of the measurement, in {@link System#nanoTime()} units. */
    long measureStart() {
        return measureStart;
    }

    /** The end of the measurement. */
    long end() {
        return end;
    }

    /** Whether a call starting at {@code now} would start too late. */
    boolean over(long now) {
        return now - end >= 0;
    }

    /** Whether {@code now} is past the warm-up. */
    boolean measured(long now) {
        return now - measureStart >= 0;
    }

    /**
     * Takes one call from the budget of the phase a call starting at {@code now} is in.
     *
     * @return false when that phase's budget is spent
     */
    boolean take(long now) {
        AtomicLong left = measured(now) ? measureLeft : warmupLeft;
        return left.getAndDecrement() > 0;
    }

    /** Whether the measurement's call budget is spent. */
    boolean measureBudgetSpent() {
        return measureLeft.get() <= 0;
    }

    /** Parks the calling thread until {@code deadline} or interruption, at most until the end. */
    void parkUntil(long deadline) {
        long until = Math.min(deadline, end);
        for (long wait = until - System.nanoTime(); wait > 0; wait = until - System.nanoTime()) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            LockSupport.parkNanos(wait);
        }
    }
}
