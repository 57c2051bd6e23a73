package dev.switchboard.core.lifecycle;

/** Where in a server's life an error happened, so that an operator knows where to look. */
public enum ErrorPhase {
    /**
     * The server's configuration cannot be turned into a connection (an argument or header the
     * transport refuses, for example). Retrying cannot help, so the supervisor does not retry.
     */
    CONFIG,
    /**
     * A stdio server's process could not be started (command not found, directory missing), or the
     * supervisor's cap on processes was reached.
     */
    PROCESS_START,
    /**
     * A remote server could not be reached: connection refused, an HTTP error status, no {@code
     * endpoint} event on a legacy SSE stream, a failed WebSocket handshake.
     */
    TRANSPORT_CONNECT,
    /**
     * The transport works but the MCP handshake failed: no answer in time, an error answer, a
     * protocol revision the client does not accept, or a stdio server's process that exited before
     * it answered {@code initialize}.
     */
    INITIALIZE,
    /** The session is up but {@code tools/list} failed. */
    TOOL_LISTING,
    /** A session that was up closed unexpectedly (process crash, dropped connection) or a ping failed. */
    RUNTIME,
    /** A {@code tools/call} failed to reach the server or got no answer in time. */
    TOOL_CALL
}
