package dev.switchboard.core.lifecycle;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The cap on live processes of one server. A slot is reserved before a process is started and is
 * released only when that process is really gone (its {@link ProcessHandle#onExit()} completed),
 * not when someone believes it was closed: a process that survived its shutdown keeps its slot,
 * and no new one is started in its place. Thread-safe.
 */
final class ProcessSlots {
    private static final int REMEMBERED_PIDS = 64;

    private final int max;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    private final Deque<Long> started = new ArrayDeque<>();
    private int live;
    private int peak;

    ProcessSlots(int max) {
        this.max = max;
    }

    /** One reserved slot: attach the process once started, or release the slot if none was. */
    final class Slot {
        private final AtomicBoolean done = new AtomicBoolean();
        private volatile boolean attached;

        /** Keeps the slot until the process {@code pid} is gone. */
        void attach(long pid) {
            attached = true;
            remember(pid);
            Optional<ProcessHandle> handle = ProcessHandle.of(pid);
            if (handle.isEmpty() || handle.get().equals(ProcessHandle.current())) {
                // gone already, or not a process of ours to watch
                release();
                return;
            }
            handle.get().onExit().whenComplete((h, e) -> release());
        }

        /** Releases the slot when no process was attached to it. */
        void releaseIfUnattached() {
            if (!attached) {
                release();
            }
        }

        private void release() {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            lock.lock();
            try {
                live--;
                released.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Reserves a slot, waiting up to {@code wait} for a process to go when {@code max} are alive
     * (the previous process of a reconnect may still be exiting).
     *
     * @return the slot, or empty when {@code max} processes are still alive after the wait
     */
    Optional<Slot> reserve(Duration wait) throws InterruptedException {
        long remaining = wait.toNanos();
        lock.lock();
        try {
            while (live >= max) {
                if (remaining <= 0) {
                    return Optional.empty();
                }
                remaining = released.awaitNanos(remaining);
            }
            live++;
            peak = Math.max(peak, live);
            return Optional.of(new Slot());
        } finally {
            lock.unlock();
        }
    }

    /** Live processes, and reservations for processes being started. */
    int live() {
        lock.lock();
        try {
            return live;
        } finally {
            lock.unlock();
        }
    }

    /** The most slots ever held at once; never above {@link #max()}. */
    int peak() {
        lock.lock();
        try {
            return peak;
        } finally {
            lock.unlock();
        }
    }

    /** The cap. */
    int max() {
        return max;
    }

    /** The ids of the last processes started, oldest first (at most 64); for diagnostics and tests. */
    List<Long> startedPids() {
        lock.lock();
        try {
            return List.copyOf(started);
        } finally {
            lock.unlock();
        }
    }

    private void remember(long pid) {
        lock.lock();
        try {
            if (started.size() == REMEMBERED_PIDS) {
                started.removeFirst();
            }
            started.addLast(pid);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "ProcessSlots[" + live() + " of " + max + "]";
    }
}
