package dev.switchboard.core.lifecycle;

import static dev.switchboard.core.lifecycle.TestServers.echoArgs;
import static dev.switchboard.core.lifecycle.TestServers.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.core.config.Timeouts;
import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.demo.DemoServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The process counters of a real stdio server: starts, and crashes that were not our doing. */
class ProcessMetersIT {
    private static final Timeouts JVM =
            new Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(10));

    private final McpRuntime runtime = new McpRuntime();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    void countsEveryStartAndOnlyTheExitsNobodyAskedFor() {
        SupervisionSettings fast =
                SupervisionSettings.DEFAULTS.withBackoff(Duration.ofMillis(50), Duration.ofMillis(200));
        try (ServerRegistry registry = new ServerRegistry(ServerConnector.create(runtime, meters), runtime, fast)) {
            ServerSupervisor s = registry.register(
                    TestServers.stdio("demo", false, JVM, TestServers.java(DemoServer.class.getName())));
            assertThat(meters.find(ProcessMeters.STARTS).counter()).isNull();

            s.client();
            assertThat(count(ProcessMeters.STARTS)).isEqualTo(1);
            assertThat(count(ProcessMeters.CRASHES)).isZero();

            assertThat(s.reconnect().state()).isEqualTo(ServerState.READY);
            assertThat(count(ProcessMeters.STARTS)).isEqualTo(2);
            assertThat(count(ProcessMeters.CRASHES)).isZero();

            long pid = s.processes().startedPids().getLast();
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);

            await().atMost(Duration.ofSeconds(30)).until(() -> count(ProcessMeters.CRASHES) == 1);
            await().atMost(Duration.ofSeconds(60)).until(() -> s.status().state() == ServerState.READY);
            assertThat(text(s.client().callTool("echo", echoArgs("back")))).isEqualTo("back");
            assertThat(count(ProcessMeters.STARTS)).isEqualTo(3);
        }
        assertThat(count(ProcessMeters.CRASHES)).as("closing is not a crash").isEqualTo(1);
    }

    private double count(String name) {
        Counter counter = meters.find(name).tag(ProcessMeters.SERVER, "demo").counter();
        return counter == null ? 0 : counter.count();
    }
}
