package dev.switchboard.mcp.server.http;

/** How a Streamable HTTP server answers a POST that carries requests. */
public enum ResponseMode {
    /**
     * Decide per POST, lazily: plain JSON when the response is the first thing to send; an SSE stream
     * as soon as a related message (progress, a log message, a server-to-client request) comes first,
     * or when the answer takes longer than the keep-alive interval.
     */
    AUTO,
    /**
     * Always plain JSON (when the client accepts it); messages related to a request then travel on the
     * session's GET stream.
     */
    JSON,
    /** Always an SSE stream (when the client accepts it). */
    SSE
}
