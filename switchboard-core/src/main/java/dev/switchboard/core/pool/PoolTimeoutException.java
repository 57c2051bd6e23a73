package dev.switchboard.core.pool;

import java.time.Duration;

/**
 * No session of a key came free within the acquire timeout: every session of the key was lent and
 * the key was at its maximum. Carries the key's numbers at the moment of the timeout, which the
 * message shows too, such as {@code session pool: no session for github/http[principal=1a2b3c4d,
 * credentials=none] within 30000 ms (active: 10, idle: 0, max: 10, waiters: 3)}.
 */
public final class PoolTimeoutException extends PoolException {
    private static final long serialVersionUID = 1L;

    private final transient PoolKey key;
    private final Duration timeout;
    private final int active;
    private final int idle;
    private final int max;
    private final int waiters;

    PoolTimeoutException(PoolKey key, Duration timeout, int active, int idle, int max, int waiters) {
        super("session pool: no session for " + key + " within " + timeout.toMillis() + " ms (active: " + active
                + ", idle: " + idle + ", max: " + max + ", waiters: " + waiters + ")");
        this.key = key;
        this.timeout = timeout;
        this.active = active;
        this.idle = idle;
        this.max = max;
        this.waiters = waiters;
    }

    /** The key whose sessions were all lent. */
    public PoolKey key() {
        return key;
    }

    /** How long the caller waited. */
    public Duration timeout() {
        return timeout;
    }

    /** Sessions of the key that were lent, being created or being checked. */
    public int active() {
        return active;
    }

    /** Sessions of the key that were idle (zero, or the caller would have got one). */
    public int idle() {
        return idle;
    }

    /** The most sessions the key may hold. */
    public int max() {
        return max;
    }

    /** Other callers still waiting for a session of the key. */
    public int waiters() {
        return waiters;
    }
}
