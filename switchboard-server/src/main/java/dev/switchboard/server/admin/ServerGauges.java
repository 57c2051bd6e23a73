package dev.switchboard.server.admin;

import dev.switchboard.core.ServerInfo;
import dev.switchboard.core.Switchboard;
import dev.switchboard.core.lifecycle.ServerState;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Per-server gauges read from the engine's statuses just before each scrape, so that servers added
 * or removed by a reload appear and disappear with it: {@value #STATE} (the {@link
 * dev.switchboard.core.lifecycle.ServerState} as a number: 0 disabled, 1 idle, 2 connecting, 3
 * ready, 4 degraded, 5 failed, 6 closed), {@value #PROCESSES} (live processes of a stdio server),
 * {@value #TOOLS} (tools listed, 0 while unknown) and {@value #FAILURES} (failures in a row, the
 * backoff's exponent). The names and the tag key are here and nowhere else.
 */
final class ServerGauges {
    static final String STATE = "switchboard.server.state";
    static final String PROCESSES = "switchboard.server.processes";
    static final String TOOLS = "switchboard.server.tools";
    static final String FAILURES = "switchboard.server.consecutive.failures";
    static final String TAG_SERVER = "server";

    private final Switchboard switchboard;
    private final MultiGauge state;
    private final MultiGauge processes;
    private final MultiGauge tools;
    private final MultiGauge failures;

    ServerGauges(Switchboard switchboard, MeterRegistry registry) {
        this.switchboard = switchboard;
        this.state = MultiGauge.builder(STATE)
                .description("Server state: 0 disabled, 1 idle, 2 connecting, 3 ready, 4 degraded, 5 failed, 6 closed")
                .register(registry);
        this.processes = MultiGauge.builder(PROCESSES)
                .description("Live processes of a stdio server")
                .register(registry);
        this.tools = MultiGauge.builder(TOOLS)
                .description("Tools the server listed when it last connected")
                .register(registry);
        this.failures = MultiGauge.builder(FAILURES)
                .description("Connection failures in a row since the server last stayed up")
                .register(registry);
    }

    /** Reads every server's status once and replaces the rows of each gauge. */
    void refresh() {
        List<ServerInfo> servers = switchboard.servers();
        state.register(rows(servers, s -> code(s.state())), true);
        processes.register(rows(servers, s -> s.status().processes()), true);
        tools.register(rows(servers, s -> s.toolCount() == null ? 0 : s.toolCount()), true);
        failures.register(rows(servers, s -> s.status().retryCount()), true);
    }

    static int code(ServerState state) {
        return switch (state) {
            case DISABLED -> 0;
            case IDLE -> 1;
            case CONNECTING -> 2;
            case READY -> 3;
            case DEGRADED -> 4;
            case FAILED -> 5;
            case CLOSED -> 6;
        };
    }

    private static List<MultiGauge.Row<?>> rows(List<ServerInfo> servers, ToDoubleFunction<ServerInfo> value) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>(servers.size());
        for (ServerInfo server : servers) {
            rows.add(MultiGauge.Row.of(Tags.of(TAG_SERVER, server.name()), value.applyAsDouble(server)));
        }
        return rows;
    }
}
