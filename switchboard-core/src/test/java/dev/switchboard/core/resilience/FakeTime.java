package dev.switchboard.core.resilience;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A clock and a scheduler that move only when a test calls {@link #advance}: due tasks run on the
 * test's thread, in order of their due time, with the clock set to that time.
 */
final class FakeTime {
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Task> tasks = new ArrayList<>();
    private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private long sequence;

    Instant now() {
        return now;
    }

    Clock clock() {
        return new FakeClock();
    }

    ScheduledExecutorService scheduler() {
        return new FakeScheduler();
    }

    /** Tasks scheduled and neither run nor cancelled. */
    int pendingTasks() {
        lock.lock();
        try {
            return (int) tasks.stream().filter(t -> !t.cancelled).count();
        } finally {
            lock.unlock();
        }
    }

    /** Moves the clock forward by {@code duration}, running every task that falls due on the way. */
    void advance(Duration duration) {
        Instant target = now.plus(duration);
        while (true) {
            Task next = nextDue(target);
            if (next == null) {
                break;
            }
            now = next.due;
            next.run();
        }
        now = target;
    }

    private Task nextDue(Instant target) {
        lock.lock();
        try {
            tasks.removeIf(t -> t.cancelled);
            Task next = tasks.stream()
                    .filter(t -> !t.due.isAfter(target))
                    .min(Comparator.comparing((Task t) -> t.due).thenComparingLong(t -> t.order))
                    .orElse(null);
            if (next != null) {
                tasks.remove(next);
            }
            return next;
        } finally {
            lock.unlock();
        }
    }

    private final class FakeClock extends Clock {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final class Task implements ScheduledFuture<Object> {
        final Instant due;
        final long order;
        final Runnable command;
        volatile boolean cancelled;
        volatile boolean done;

        Task(Instant due, long order, Runnable command) {
            this.due = due;
            this.order = order;
            this.command = command;
        }

        void run() {
            done = true;
            command.run();
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(Duration.between(now, due));
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (done) {
                return false;
            }
            cancelled = true;
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return done || cancelled;
        }

        @Override
        public Object get() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            throw new UnsupportedOperationException();
        }
    }

    private final class FakeScheduler extends AbstractExecutorService implements ScheduledExecutorService {
        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            lock.lock();
            try {
                Task task = new Task(now.plusNanos(unit.toNanos(delay)), sequence++, command);
                tasks.add(task);
                return task;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(
                Runnable command, long initialDelay, long delay, TimeUnit unit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void execute(Runnable command) {
            schedule(command, 0, TimeUnit.NANOSECONDS);
        }

        @Override
        public void shutdown() {}

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
