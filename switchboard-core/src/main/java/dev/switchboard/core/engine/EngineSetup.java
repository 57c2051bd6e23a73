package dev.switchboard.core.engine;

import dev.switchboard.core.config.ConfigLoader;
import dev.switchboard.core.lifecycle.SupervisionSettings;
import dev.switchboard.mcp.McpRuntime;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an {@link Engine} is built with; {@link dev.switchboard.core.Switchboard.Builder} fills it
 * in. Immutable.
 *
 * @param runtime the threads, timer and HTTP client to share (not closed by the engine), or {@code
 *     null} for a runtime of the engine's own, closed with it
 * @param meterRegistry where breakers, bulkheads, pools and the engine publish their meters
 * @param clock the clock of statuses, supervisors and breakers
 * @param supervision backoff, process caps, drain, close and health-check timeouts
 * @param loader loads and validates configuration files for reloads
 */
public record EngineSetup(
        @Nullable McpRuntime runtime,
        MeterRegistry meterRegistry,
        Clock clock,
        SupervisionSettings supervision,
        ConfigLoader loader) {

    /** Checks for nulls. */
    public EngineSetup {
        Objects.requireNonNull(meterRegistry, "meterRegistry");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(supervision, "supervision");
        Objects.requireNonNull(loader, "loader");
    }
}
