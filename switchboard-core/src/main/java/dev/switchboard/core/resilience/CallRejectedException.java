package dev.switchboard.core.resilience;

import java.util.Objects;

/**
 * A call was refused before it was sent, because the server's guard does not let it through: its
 * circuit breaker is open or its bulkhead is full. Nothing reached the server; the caller may try
 * again later.
 */
public abstract sealed class CallRejectedException extends RuntimeException
        permits CircuitOpenException, ServerBusyException {
    private static final long serialVersionUID = 1L;

    private final String server;

    CallRejectedException(String server, String message) {
        super(message);
        this.server = Objects.requireNonNull(server, "server");
    }

    /** The name of the server whose guard refused the call. */
    public String server() {
        return server;
    }
}
