package dev.switchboard.core.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/** The state of a server's circuit breaker. */
public enum BreakerState {
    /** Calls go through; failures are counted. */
    CLOSED,
    /** Calls fail fast until the open duration has passed. */
    OPEN,
    /** A few trial calls go through; they decide whether the breaker closes or opens again. */
    HALF_OPEN,
    /** The breaker lets every call through and records nothing (Switchboard never disables one itself). */
    DISABLED,
    /** Calls fail fast until the breaker is reset (Switchboard never forces one open itself). */
    FORCED_OPEN;

    static BreakerState of(CircuitBreaker.State state) {
        return switch (state) {
            case CLOSED -> CLOSED;
            case OPEN -> OPEN;
            case HALF_OPEN -> HALF_OPEN;
            case DISABLED, METRICS_ONLY -> DISABLED;
            case FORCED_OPEN -> FORCED_OPEN;
        };
    }

    /** Whether calls fail fast in this state (half-open lets a few through). */
    public boolean rejectsCalls() {
        return this == OPEN || this == FORCED_OPEN;
    }
}
