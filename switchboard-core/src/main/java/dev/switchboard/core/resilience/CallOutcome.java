package dev.switchboard.core.resilience;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** How one try of a guarded call ended; the {@code outcome} tag of the calls metric. */
enum CallOutcome {
    /** The server answered with a result (which may be a tool's {@code isError} result). */
    SUCCESS,
    /** The server answered with a JSON-RPC error that is the caller's; not held against it. */
    ERROR_RESPONSE,
    /** A failure held against the server: transport, internal error, anything unexpected. */
    FAILURE,
    /** No answer in time; held against the server. */
    TIMEOUT,
    /** The caller cancelled; counts neither way. */
    CANCELLED,
    /** Refused by the open circuit breaker; never sent. */
    CIRCUIT_OPEN,
    /** Refused by the full bulkhead; never sent. */
    BUSY;

    private final String tag = name().toLowerCase(Locale.ROOT);

    /** The metric tag value: {@code success}, {@code error_response}, ... */
    String tag() {
        return tag;
    }

    /** The outcome of a try that the server's breaker let through; {@code null} for success. */
    static CallOutcome of(@Nullable FailureClass failure) {
        if (failure == null) {
            return SUCCESS;
        }
        return switch (failure) {
            case ANSWERED -> ERROR_RESPONSE;
            case TIMEOUT -> TIMEOUT;
            case CANCELLED -> CANCELLED;
            case UNPROCESSED, TRANSPORT, SERVER_ERROR, UNEXPECTED -> FAILURE;
        };
    }
}
