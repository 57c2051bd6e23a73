package dev.switchboard.core.config;

import java.util.Objects;

/**
 * What every server has, whatever its transport. Each is a key of the server's entry in the file.
 *
 * @param enabled whether the gateway uses the server at all; default true
 * @param eager whether to connect at start instead of at first use; default false
 * @param timeouts connect, initialize and per-call timeouts
 * @param sessionMode how callers share sessions; default {@link SessionMode#SHARED}
 * @param pool the session pool, used in {@link SessionMode#PER_IDENTITY} mode
 * @param breaker the circuit breaker
 * @param bulkhead the limit on calls in flight
 * @param tools which tools are offered at all
 * @param prefix whether the server's tools are named {@code server<separator>tool} in the aggregate
 *     view (true, the default) or keep their own names
 */
public record ServerSettings(
        boolean enabled,
        boolean eager,
        Timeouts timeouts,
        SessionMode sessionMode,
        PoolSettings pool,
        BreakerSettings breaker,
        BulkheadSettings bulkhead,
        ToolFilter tools,
        boolean prefix) {

    /** Every default: enabled, lazy, shared, prefixed, the defaults of each part. */
    public static final ServerSettings DEFAULTS = new ServerSettings(
            true,
            false,
            Timeouts.DEFAULTS,
            SessionMode.SHARED,
            PoolSettings.DEFAULTS,
            BreakerSettings.DEFAULTS,
            BulkheadSettings.DEFAULTS,
            ToolFilter.ALL,
            true);

    /** Checks that no field is null. */
    public ServerSettings {
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(sessionMode, "sessionMode");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(breaker, "breaker");
        Objects.requireNonNull(bulkhead, "bulkhead");
        Objects.requireNonNull(tools, "tools");
    }
}
