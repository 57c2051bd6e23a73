package dev.switchboard.mcp.transport;

import org.jspecify.annotations.Nullable;

/**
 * A transport failed: it could not start, a message could not be written, or the peer went away.
 * The message says what happened and to which transport.
 */
public class TransportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message. */
    public TransportException(String message) {
        super(message);
    }

    /** An exception with a message and the underlying cause. */
    public TransportException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
