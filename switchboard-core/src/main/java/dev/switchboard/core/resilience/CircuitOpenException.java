package dev.switchboard.core.resilience;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A call failed fast because the server's circuit breaker does not let calls through: it is open
 * after too many failures, forced open, or half-open with all its trial calls already in flight.
 */
public final class CircuitOpenException extends CallRejectedException {
    private static final long serialVersionUID = 1L;

    private final BreakerState state;
    private final @Nullable Instant halfOpenAt;

    CircuitOpenException(String server, BreakerState state, @Nullable Instant halfOpenAt, String message) {
        super(server, message);
        this.state = state;
        this.halfOpenAt = halfOpenAt;
    }

    /** The breaker's state when it refused the call: open, forced open or half-open. */
    public BreakerState state() {
        return state;
    }

    /**
     * When an open breaker lets trial calls through again, or {@code null} when that is not known
     * (forced open until reset, or half-open already).
     */
    public @Nullable Instant halfOpenAt() {
        return halfOpenAt;
    }
}
