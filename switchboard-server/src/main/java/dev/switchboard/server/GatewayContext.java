package dev.switchboard.server;

import dev.switchboard.core.Switchboard;
import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.server.http.GatewayServerOptions;
import dev.switchboard.server.ops.CallLog;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;

/**
 * What a {@link ViewMount} gets to build its handlers with: everything belongs to the {@link Gateway}
 * and lives as long as it does; nothing here is closed by a view.
 *
 * @param switchboard the engine; its {@link Switchboard#config()} is the configuration in effect
 * @param runtime the threads, timer and codec of MCP sessions
 * @param callLog where every tool call is recorded
 * @param serverOptions the HTTP server's limits and checks (body size, allowed hosts and origins),
 *     for the MCP transports' own settings to match
 * @param meterRegistry where the views' meters go
 */
public record GatewayContext(
        Switchboard switchboard,
        McpRuntime runtime,
        CallLog callLog,
        GatewayServerOptions serverOptions,
        MeterRegistry meterRegistry) {

    /** Checks for nulls. */
    public GatewayContext {
        Objects.requireNonNull(switchboard, "switchboard");
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(callLog, "callLog");
        Objects.requireNonNull(serverOptions, "serverOptions");
        Objects.requireNonNull(meterRegistry, "meterRegistry");
    }
}
