package dev.switchboard.server.ops;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How many things (calls, requests) are in progress, and a wait for none to be, as shutdown waits for
 * them. Counting does not lock; only the step down to zero signals the waiters. Thread-safe.
 */
public final class InFlightCount {
    private final AtomicInteger count = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();

    /** One more in progress. */
    public void increment() {
        count.incrementAndGet();
    }

    /** One fewer in progress; the last one wakes those waiting. */
    public void decrement() {
        if (count.decrementAndGet() == 0) {
            lock.lock();
            try {
                idle.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** How many are in progress now. */
    public int get() {
        return count.get();
    }

    /**
     * Waits until none is in progress, at most {@code timeout}.
     *
     * @return whether none is; false after the timeout or when interrupted (the flag is restored)
     */
    public boolean awaitZero(Duration timeout) {
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (count.get() > 0) {
                if (remaining <= 0) {
                    return false;
                }
                remaining = idle.awaitNanos(remaining);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }
}
