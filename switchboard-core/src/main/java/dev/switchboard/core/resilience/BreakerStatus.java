package dev.switchboard.core.resilience;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A server's circuit breaker and bulkhead at one moment, for status pages and the admin API.
 *
 * @param server the server's name
 * @param state the breaker's state
 * @param failureRate the percentage of failed calls among the recorded ones, 0 to 100, or -1 while
 *     fewer calls than the breaker's minimum have been recorded
 * @param bufferedCalls how many calls the breaker's window holds now
 * @param failedCalls how many of those failed
 * @param notPermittedCalls how many calls the breaker refused since it last changed state
 * @param halfOpenAt when an open breaker lets trial calls through, or {@code null} when it is not
 *     open
 * @param callsInFlight how many calls hold a bulkhead permit now
 * @param maxConcurrentCalls the bulkhead's limit
 */
public record BreakerStatus(
        String server,
        BreakerState state,
        float failureRate,
        int bufferedCalls,
        int failedCalls,
        long notPermittedCalls,
        @Nullable Instant halfOpenAt,
        int callsInFlight,
        int maxConcurrentCalls) {

    /** Checks that the name and state are present. */
    public BreakerStatus {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(state, "state");
    }
}
