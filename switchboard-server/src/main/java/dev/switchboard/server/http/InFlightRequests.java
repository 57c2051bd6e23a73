package dev.switchboard.server.http;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jetty.util.Callback;

/**
 * Counts the requests whose answers are still being produced or written, so that shutdown can let
 * them finish: a request counts from when its route's handler gets it until its response is
 * completely written (or failed). Long-lived streams are not counted (the router leaves them out).
 * Thread-safe.
 */
final class InFlightRequests {
    private final AtomicInteger count = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();

    /** Counts one more request; its end is reported through the returned callback, once. */
    Tracked begin(Callback callback) {
        count.incrementAndGet();
        return new Tracked(callback);
    }

    int count() {
        return count.get();
    }

    /** Waits until no request is counted, at most {@code timeout}; false on timeout or interrupt (flag restored). */
    boolean awaitIdle(Duration timeout) {
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

    private void end() {
        if (count.decrementAndGet() == 0) {
            lock.lock();
            try {
                idle.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** The handler's callback, which ends the count when the response completes. */
    final class Tracked implements Callback {
        private final Callback delegate;
        private final AtomicBoolean ended = new AtomicBoolean();

        private Tracked(Callback delegate) {
            this.delegate = delegate;
        }

        /** Ends the count without completing the callback (the handler threw: Jetty fails the request). */
        void abandon() {
            if (ended.compareAndSet(false, true)) {
                end();
            }
        }

        @Override
        public void succeeded() {
            try {
                delegate.succeeded();
            } finally {
                abandon();
            }
        }

        @Override
        public void failed(Throwable x) {
            try {
                delegate.failed(x);
            } finally {
                abandon();
            }
        }

        @Override
        public InvocationType getInvocationType() {
            return delegate.getInvocationType();
        }
    }
}
