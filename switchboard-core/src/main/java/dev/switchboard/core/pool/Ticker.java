package dev.switchboard.core.pool;

/**
 * A source of monotonic time in nanoseconds, as {@link System#nanoTime()}, injected so that tests
 * move time forward instead of sleeping. The pool reads it for session ages, idle times and key
 * eviction; waits for a free session use real time.
 */
@FunctionalInterface
public interface Ticker {
    /** Nanoseconds since an arbitrary origin; only differences between two reads mean something. */
    long read();

    /** The system ticker, {@link System#nanoTime()}. */
    static Ticker system() {
        return System::nanoTime;
    }
}
