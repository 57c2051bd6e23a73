package dev.switchboard.core.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A scheduler whose tasks run only when the test says so: {@link #runNext()} moves the clock to the
 * earliest task's due time and runs it on the calling thread. Records every delay asked for.
 * Only {@code schedule(Runnable, long, TimeUnit)} is supported. Thread-safe.
 */
final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
    private final MutableClock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Task> tasks = new ArrayList<>();
    private final List<Duration> delays = new ArrayList<>();

    ManualScheduler(MutableClock clock) {
        this.clock = clock;
    }

    /** A scheduled task. */
    final class Task extends CompletableFuture<Object> implements ScheduledFuture<Object> {
        final Instant due;
        final Runnable body;

        Task(Instant due, Runnable body) {
            this.due = due;
            this.body = body;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(Duration.between(clock.instant(), due));
        }

        @Override
        public int compareTo(Delayed o) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), o.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterrupt) {
            lock.lock();
            try {
                tasks.remove(this);
            } finally {
                lock.unlock();
            }
            return super.cancel(mayInterrupt);
        }
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        Duration d = Duration.ofNanos(unit.toNanos(delay));
        Task t = new Task(clock.instant().plus(d), command);
        lock.lock();
        try {
            delays.add(d);
            tasks.add(t);
        } finally {
            lock.unlock();
        }
        return t;
    }

    /** Every delay asked for, in order. */
    List<Duration> delays() {
        lock.lock();
        try {
            return List.copyOf(delays);
        } finally {
            lock.unlock();
        }
    }

    /** How many tasks wait. */
    int pending() {
        lock.lock();
        try {
            return tasks.size();
        } finally {
            lock.unlock();
        }
    }

    /** Moves the clock to the earliest task and runs it; false when there is none. */
    boolean runNext() {
        Optional<Task> next;
        lock.lock();
        try {
            next = tasks.stream().min(Comparator.comparing(t -> t.due));
            next.ifPresent(tasks::remove);
        } finally {
            lock.unlock();
        }
        if (next.isEmpty()) {
            return false;
        }
        Task t = next.get();
        if (clock.instant().isBefore(t.due)) {
            clock.set(t.due);
        }
        t.body.run();
        t.complete(null);
        return true;
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
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException();
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

    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.NANOSECONDS);
    }
}
