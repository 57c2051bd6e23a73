package dev.switchboard.server.http;

import java.util.Locale;

/**
 * The stable error codes of the gateway's HTTP API, each with its HTTP status. A client branches
 * on the code, never on the message. Written as the lower-case name: {@code server_not_found}.
 */
public enum ErrorCode {
    /** The request is malformed: not JSON, a missing or mistyped field. 400. */
    INVALID_REQUEST(400),
    /** No credentials, or credentials that are not accepted. 401. */
    UNAUTHORIZED(401),
    /** Authenticated, but not allowed: the admin role is missing, or a forbidden Origin or Host. 403. */
    FORBIDDEN(403),
    /** No route for this path. 404. */
    NOT_FOUND(404),
    /** No server of that name (or the caller may not see it). 404. */
    SERVER_NOT_FOUND(404),
    /** No tool of that name (or the caller may not see it). 404. */
    TOOL_NOT_FOUND(404),
    /** A bare tool name that more than one server the caller may see offers; {@code candidates} lists their full names. 400. */
    AMBIGUOUS_TOOL(400),
    /** The path exists but not with this method. 405. */
    METHOD_NOT_ALLOWED(405),
    /** The body is larger than the gateway accepts. 413. */
    PAYLOAD_TOO_LARGE(413),
    /** A reload was asked for and the configuration file is invalid; nothing changed. 422. */
    RELOAD_INVALID(422),
    /** The server answered the call with a JSON-RPC error of its own. 502. */
    SERVER_ERROR(502),
    /** The server cannot be reached now (process start, connect or handshake failed). 503. */
    SERVER_UNAVAILABLE(503),
    /** The server's circuit breaker is open: calls fail fast until it half-opens. 503. */
    CIRCUIT_OPEN(503),
    /** The server has as many calls or sessions in flight as it allows. 503. */
    SERVER_BUSY(503),
    /** The gateway is shutting down and takes no new requests. 503. */
    SHUTTING_DOWN(503),
    /** The server did not answer in time. 504. */
    TIMEOUT(504),
    /** A failure of the gateway itself; the log has the details. 500. */
    INTERNAL(500);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    /** The HTTP status that goes with the code. */
    public int status() {
        return status;
    }

    /** The code as clients see it, such as {@code server_not_found}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return code();
    }
}
