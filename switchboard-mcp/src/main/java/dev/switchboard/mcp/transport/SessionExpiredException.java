package dev.switchboard.mcp.transport;

import org.jspecify.annotations.Nullable;

/**
 * The remote server no longer knows the session (HTTP 404, or 400 with a session id) and the request
 * could not safely be retried on a new session.
 */
public class SessionExpiredException extends TransportException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message and an optional cause; the request may have been processed. */
    public SessionExpiredException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /**
     * An exception with a message, an optional cause, and whether the server certainly did not
     * process the request (it refused the request itself as belonging to an unknown session).
     */
    public SessionExpiredException(String message, @Nullable Throwable cause, boolean unprocessed) {
        super(message, cause, unprocessed);
    }
}
