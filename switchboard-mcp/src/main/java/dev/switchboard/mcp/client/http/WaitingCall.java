package dev.switchboard.mcp.client.http;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A thread blocked in {@code HttpClient.send} for one exchange, which the HTTP client cancels when
 * that thread is interrupted: interrupted once when the transport aborts its calls or when the
 * deadline passes, and never after the call ended. Thread-safe.
 */
final class WaitingCall implements HttpCalls.Registration {
    /** Why the thread was interrupted. */
    enum Reason {
        NONE,
        ABORTED,
        TIMED_OUT
    }

    private final Thread thread;
    private final long deadlineNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private Reason reason = Reason.NONE;
    private boolean ended;

    /**
     * @param thread the thread that sends
     * @param deadlineNanos when, in {@link System#nanoTime} terms, the call times out
     */
    WaitingCall(Thread thread, long deadlineNanos) {
        this.thread = thread;
        this.deadlineNanos = deadlineNanos;
    }

    /** Aborts the call: the transport is closing. */
    @Override
    public void close() {
        interrupt(Reason.ABORTED);
    }

    /** Times the call out when its deadline is not after {@code nowNanos}. */
    void timeOutIfDue(long nowNanos) {
        if (nowNanos - deadlineNanos >= 0) {
            interrupt(Reason.TIMED_OUT);
        }
    }

    /** Why the call was interrupted, if it was. */
    Reason reason() {
        lock.lock();
        try {
            return reason;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The call ended, on its own thread: no interrupt comes after this, and one that came after the
     * client had already answered is cleared, so that it cannot hit the thread's next wait.
     */
    void end() {
        boolean interrupted;
        lock.lock();
        try {
            ended = true;
            interrupted = reason != Reason.NONE;
        } finally {
            lock.unlock();
        }
        if (interrupted) {
            Thread.interrupted();
        }
    }

    private void interrupt(Reason why) {
        lock.lock();
        try {
            if (ended || reason != Reason.NONE) {
                return;
            }
            reason = why;
            thread.interrupt();
        } finally {
            lock.unlock();
        }
    }
}
