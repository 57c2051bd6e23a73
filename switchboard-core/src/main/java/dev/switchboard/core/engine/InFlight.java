package dev.switchboard.core.engine;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Counts an endpoint's requests in flight, so that retiring it can wait for them: once draining,
 * no request enters, and {@link #drain} returns when the last one leaves or the time is up.
 * Entering and leaving never lock; only the last leave of a draining endpoint signals. Thread-safe.
 */
final class InFlight {
    private final AtomicInteger count = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition empty = lock.newCondition();
    private volatile boolean draining;

    /** Counts one request in; false (and nothing counted) once draining. */
    boolean enter() {
        count.incrementAndGet();
        if (draining) {
            exit();
            return false;
        }
        return true;
    }

    /** Counts one request out. */
    void exit() {
        if (count.decrementAndGet() == 0 && draining) {
            lock.lock();
            try {
                empty.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Requests in flight now. */
    int count() {
        return count.get();
    }

    boolean isDraining() {
        return draining;
    }

    /**
     * Stops new requests and waits at most {@code timeout} for those in flight.
     *
     * @return whether none was left in flight
     */
    boolean drain(Duration timeout) {
        draining = true;
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (count.get() > 0) {
                if (remaining <= 0) {
                    return false;
                }
                remaining = empty.awaitNanos(remaining);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return count.get() == 0;
        } finally {
            lock.unlock();
        }
    }
}
