package dev.switchboard.mcp.transport;

import org.jspecify.annotations.Nullable;

/**
 * A transport failed: it could not start, a message could not be written, or the peer went away.
 * The message says what happened and to which transport. {@link #unprocessed()} tells whether the
 * peer certainly did not process the message, which is what decides whether a request that is not
 * idempotent may be sent again.
 */
public class TransportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean unprocessed;

    /** An exception with a message; whether the peer processed the message is unknown. */
    public TransportException(String message) {
        this(message, null, false);
    }

    /** An exception with a message and the underlying cause; whether the peer processed the message is unknown. */
    public TransportException(String message, @Nullable Throwable cause) {
        this(message, cause, false);
    }

    /**
     * An exception with a message, the underlying cause, and whether the peer certainly did not
     * process the message.
     */
    public TransportException(String message, @Nullable Throwable cause, boolean unprocessed) {
        super(message, cause);
        this.unprocessed = unprocessed;
    }

    /**
     * Whether the peer certainly did not process the message: it was never handed to the wire (the
     * transport was closed or refused it), or the peer refused it without processing it (an expired
     * HTTP session answered 404). A request that failed this way may be sent again even when it is
     * not idempotent. False when it is unknown, for example when the connection broke while the
     * request was in flight.
     */
    public boolean unprocessed() {
        return unprocessed;
    }
}
