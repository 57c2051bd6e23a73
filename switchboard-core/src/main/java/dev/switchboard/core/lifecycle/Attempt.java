package dev.switchboard.core.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
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

    /** How long from {@code now} until the attempt is due; zero when it is due or running. */
    Duration untilDue(Instant now) {
        Duration d = Duration.between(now, dueAt);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /**
     * Waits at most {@code wait} for the connection.
     *
     * @param unavailable makes the exception for a failure that is not a {@link
     *     ServerConnectException} already, from a description of what happened
     * @throws ServerConnectException with the attempt's failure, or when it takes too long
     */
    ServerConnection await(Duration wait, Function<String, ServerConnectException> unavailable) {
        try {
            return result.get(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ServerConnectException sce) {
                throw sce;
            }
            throw unavailable.apply("connection attempt failed: " + e.getCause());
        } catch (TimeoutException e) {
            throw unavailable.apply("no connection within " + wait.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable.apply("interrupted while waiting for the connection");
        }
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
