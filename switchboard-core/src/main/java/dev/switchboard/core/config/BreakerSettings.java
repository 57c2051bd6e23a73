package dev.switchboard.core.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The circuit breaker of one server. In the file: {@code breaker: {failureRateThreshold: 50,
 * minimumCalls: 10, openDuration: 30s, halfOpenCalls: 3}}.
 *
 * @param failureRateThreshold the percentage of failed calls, 1 to 100, at or above which the
 *     breaker opens; default 50
 * @param minimumCalls how many calls must have been recorded before the failure rate counts;
 *     default 10
 * @param openDuration how long the breaker stays open before it lets trial calls through; default
 *     30 s
 * @param halfOpenCalls how many trial calls decide whether the breaker closes again; default 3
 */
public record BreakerSettings(int failureRateThreshold, int minimumCalls, Duration openDuration, int halfOpenCalls) {

    /** The defaults: 50 %, 10 calls, 30 s open, 3 trial calls. */
    public static final BreakerSettings DEFAULTS = new BreakerSettings(50, 10, Duration.ofSeconds(30), 3);

    /** Checks that no field is null; {@link ConfigValidator} checks the ranges. */
    public BreakerSettings {
        Objects.requireNonNull(openDuration, "openDuration");
    }
}
