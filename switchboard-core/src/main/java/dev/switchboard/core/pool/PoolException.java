package dev.switchboard.core.pool;

import org.jspecify.annotations.Nullable;

/**
 * The pool could not lend a session: it is closed, or the caller was interrupted while waiting.
 * The subclasses say more: {@link PoolTimeoutException} when no session came free in time, {@link
 * SessionCreationException} when a new session could not be created.
 */
public class PoolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message. */
    public PoolException(String message) {
        super(message);
    }

    /** An exception with a message and the underlying cause. */
    public PoolException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
