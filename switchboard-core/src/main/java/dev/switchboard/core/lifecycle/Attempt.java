package dev.switchboard.core.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * One connection attempt, scheduled or running. Everyone who needs the server while it is pending
 * waits for the same result, so concurrent first users share one attempt. Thread-safe.
 */
final class Attempt {
    private final CompletableFuture<ServerConnection> result = new CompletableFuture<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Instant dueAt;
    private final AtomicReference<@Nullable ServerConnection> retiring;
    private volatile @Nullable ScheduledFuture<?> timer;
    private volatile @Nullable Thread runner;

    /**
     * An attempt due at {@code dueAt}; {@code retiring} is a connection to close before connecting
     * (a reconnect), or {@code null}.
     */
    Attempt(Instant dueAt, @Nullable ServerConnection retiring) {
        this.dueAt = dueAt;
        this.retiring = new AtomicReference<>(retiring);
    }

    Instant dueAt() {
        return dueAt;
    }

    CompletableFuture<ServerConnection> result() {
        return result;
    }

    void scheduledBy(ScheduledFuture<?> task) {
        timer = task;
    }

    /** Marks the attempt as running on the current thread. */
    void running() {
        runner = Thread.currentThread();
    }

    boolean isRunning() {
        return runner != null;
    }

    /** The connection to close first, once; {@code null} when there is none or it was taken. */
    @Nullable
    ServerConnection takeRetiring() {
        return retiring.getAndSet(null);
    }

    /** The run ended, whatever its outcome. */
    void finished() {
        finished.countDown();
    }

    /** Cancels the timer of a scheduled attempt and interrupts a running one. */
    void cancel() {
        ScheduledFuture<?> t = timer;
        if (t != null) {
            t.cancel(false);
        }
        Thread r = runner;
        if (r != null) {
            r.interrupt();
        }
    }

    /** Waits up to {@code timeout} for a running attempt to end; returns at once for one never run. */
    boolean awaitFinished(Duration timeout) {
        if (runner == null) {
            return true;
        }
        try {
            return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
