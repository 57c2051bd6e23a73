package dev.switchboard.server.http;

import dev.switchboard.server.ops.InFlightCount;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.util.Callback;

/**
 * Counts the requests whose answers are still being produced or written, so that shutdown can let
 * them finish: a request counts from when its route's handler gets it until its response is
 * completely written (or failed). Long-lived streams are not counted (the router leaves them out).
 * Thread-safe.
 */
final class InFlightRequests {
    private final InFlightCount count = new InFlightCount();

    /** Counts one more request; its end is reported through the returned callback, once. */
    Tracked begin(Callback callback) {
        count.increment();
        return new Tracked(callback);
    }

    int count() {
        return count.get();
    }

    /** Waits until no request is counted, at most {@code timeout}; false on timeout or interrupt (flag restored). */
    boolean awaitIdle(Duration timeout) {
        return count.awaitZero(timeout);
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
                count.decrement();
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
