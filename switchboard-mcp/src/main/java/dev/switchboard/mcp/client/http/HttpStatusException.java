package dev.switchboard.mcp.client.http;

import dev.switchboard.mcp.transport.TransportException;

/**
 * A server answered an HTTP request with a status the transport cannot use. {@link #statusCode()}
 * lets the owner tell, for example, a legacy HTTP+SSE server (an {@code initialize} POST answered
 * 400, 404 or 405) from one that is down.
 */
public class HttpStatusException extends TransportException {
    private static final long serialVersionUID = 1L;

    /** The status code, such as 405. */
    private final int statusCode;

    /** An exception for {@code statusCode} with a message that already names it. */
    public HttpStatusException(String message, int statusCode) {
        super(message);
        this.statusCode = statusCode;
    }

    /** The HTTP status code the server answered with. */
    public int statusCode() {
        return statusCode;
    }
}
