package dev.switchboard.core.pool;

import org.jspecify.annotations.Nullable;

/**
 * A new session could not be created: the {@link SessionFactory} failed (the cause says why), or
 * it did not finish within the create timeout ({@link #timedOut()}; the session, should it still
 * arrive, is closed by the pool).
 */
public final class SessionCreationException extends PoolException {
    private static final long serialVersionUID = 1L;

    private final transient PoolKey key;
    private final boolean timedOut;

    SessionCreationException(String message, PoolKey key, boolean timedOut, @Nullable Throwable cause) {
        super(message, cause);
        this.key = key;
        this.timedOut = timedOut;
    }

    /** The key the session was for. */
    public PoolKey key() {
        return key;
    }

    /** Whether creation took longer than the create timeout, rather than failing. */
    public boolean timedOut() {
        return timedOut;
    }
}
