package dev.switchboard.mcp.client.http;

import java.io.IOException;

/** A server-sent event (or one of its lines) was longer than the reader's limit. */
public final class SseEventTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int limit;

    /** An exception for an event beyond {@code limit} bytes. */
    public SseEventTooLargeException(int limit) {
        super("server-sent event: more than " + limit + " bytes (expected: at most " + limit + " bytes)");
        this.limit = limit;
    }

    /** The limit that was exceeded, in bytes. */
    public int limit() {
        return limit;
    }
}
