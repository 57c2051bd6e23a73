package dev.switchboard.core.resilience;

import dev.switchboard.core.config.BreakerSettings;
import dev.switchboard.core.config.BulkheadSettings;
import dev.switchboard.core.config.ServerSettings;
import dev.switchboard.core.config.Timeouts;
import java.time.Duration;
import java.util.Objects;

/** Everything one server's guard is built from; guards with equal settings behave the same. */
record GuardSettings(BreakerSettings breaker, BulkheadSettings bulkhead, Timeouts timeouts, RetrySettings retry) {

    GuardSettings {
        Objects.requireNonNull(breaker, "breaker");
        Objects.requireNonNull(bulkhead, "bulkhead");
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(retry, "retry");
    }

    static GuardSettings of(ServerSettings server, RetrySettings retry) {
        return new GuardSettings(server.breaker(), server.bulkhead(), server.timeouts(), retry);
    }

    /** The longest a call of {@code kind} may take: the initialize timeout for the handshake, else the call timeout. */
    Duration timeout(CallKind kind) {
        return kind == CallKind.INITIALIZE ? timeouts.initialize() : timeouts.call();
    }
}
