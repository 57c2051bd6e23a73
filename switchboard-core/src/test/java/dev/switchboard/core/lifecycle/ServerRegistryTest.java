package dev.switchboard.core.lifecycle;

import static dev.switchboard.core.lifecycle.TestServers.eager;
import static dev.switchboard.core.lifecycle.TestServers.echoArgs;
import static dev.switchboard.core.lifecycle.TestServers.lazy;
import static dev.switchboard.core.lifecycle.TestServers.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.session.RequestOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ServerRegistryTest {
    private final McpRuntime runtime = new McpRuntime();
    private final MutableClock clock = new MutableClock();
    private final ManualScheduler timer = new ManualScheduler(clock);
    private final ScriptedConnector connector = new ScriptedConnector(runtime, clock);

    @AfterEach
    void closeRuntime() {
        runtime.close();
    }

    private ServerRegistry registry(SupervisionSettings settings) {
        return new ServerRegistry(new SupervisorContext(
                connector, timer, runtime.virtualThreads(), clock, TestServers.HIGHEST, settings));
    }

    @Test
    void keepsServersInRegistrationOrderAndRejectsATakenName() {
        try (ServerRegistry registry = registry(SupervisionSettings.DEFAULTS)) {
            registry.register(lazy("b"));
            registry.register(lazy("a"));

            assertThatThrownBy(() -> registry.register(lazy("a")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("name: a (expected: not registered already; unregister it first)");
            assertThat(registry.statuses()).extracting(ServerStatus::name).containsExactly("b", "a");
            assertThat(registry.supervisor("a")).isPresent();
            assertThat(registry.supervisor("c")).isEmpty();
        }
    }

    @Test
    void oneFailingServerDoesNotAffectAnother() {
        connector.otherwise((c, config) -> config.name().equals("bad")
                ? ScriptedConnector.fail(ErrorPhase.PROCESS_START, "command not found")
                        .run(c, config)
                : ScriptedConnector.succeed().run(c, config));
        try (ServerRegistry registry = registry(SupervisionSettings.DEFAULTS)) {
            ServerSupervisor bad = registry.register(eager("bad"));
            ServerSupervisor good = registry.register(eager("good"));

            await().until(() -> bad.status().state() == ServerState.FAILED);
            assertThat(text(good.client().callTool("echo", echoArgs("fine")))).isEqualTo("fine");
            assertThat(good.status().state()).isEqualTo(ServerState.READY);
            assertThat(bad.status().errorPhase()).isEqualTo(ErrorPhase.PROCESS_START);
        }
    }

    @Test
    void unregisterWaitsForRequestsInFlightThenCloses() {
        try (ServerRegistry registry = registry(SupervisionSettings.DEFAULTS)) {
            ServerSupervisor s = registry.register(lazy("files"));
            s.client();
            CompletableFuture<JsonNode> slow = s.callTool("slow", TestServers.slowArgs(300), RequestOptions.defaults());

            assertThat(registry.unregister("files")).isTrue();

            assertThat(slow).isCompleted();
            assertThat(slow.join().path("isError").asBoolean(false)).isFalse();
            assertThat(s.status().state()).isEqualTo(ServerState.CLOSED);
            assertThat(registry.supervisor("files")).isEmpty();
            assertThat(s.callTool("echo", echoArgs("late"), RequestOptions.defaults()))
                    .failsWithin(5, TimeUnit.SECONDS)
                    .withThrowableThat()
                    .withCauseInstanceOf(ServerConnectException.class);
            assertThat(registry.unregister("files")).isFalse();
        }
    }

    @Test
    void unregisterStopsWaitingForRequestsAfterTheDrainTimeout() {
        SupervisionSettings settings = SupervisionSettings.DEFAULTS.withStopTimeouts(
                Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofSeconds(10));
        try (ServerRegistry registry = registry(settings)) {
            ServerSupervisor s = registry.register(lazy("files"));
            s.client();
            CompletableFuture<JsonNode> slow =
                    s.callTool("slow", TestServers.slowArgs(60_000), RequestOptions.defaults());

            registry.unregister("files");

            assertThat(slow).failsWithin(5, TimeUnit.SECONDS);
            assertThat(s.status().state()).isEqualTo(ServerState.CLOSED);
        }
    }

    @Test
    void closeShutsServersDownInReverseRegistrationOrder() {
        ServerRegistry registry = registry(SupervisionSettings.DEFAULTS);
        List<ServerSupervisor> all = List.of(
                registry.register(eager("first")),
                registry.register(eager("second")),
                registry.register(eager("third")));
        await().until(() -> all.stream().allMatch(s -> s.status().state() == ServerState.READY));

        registry.close();

        assertThat(connector.closed()).containsExactly("third", "second", "first");
        assertThat(registry.statuses()).isEmpty();
        assertThat(all).allMatch(s -> s.status().state() == ServerState.CLOSED);
        assertThatThrownBy(() -> registry.register(lazy("late"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closeIsBoundedWhenAServerHangsWhileClosing() {
        SupervisionSettings settings = SupervisionSettings.DEFAULTS.withStopTimeouts(
                Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofMillis(500));
        ServerRegistry registry = registry(settings);
        registry.register(eager("first"));
        await().until(() -> registry.statuses().stream().allMatch(ServerStatus::isReady));
        connector.configureClientEnds(end -> end.slowClose(Duration.ofSeconds(20)));
        registry.register(eager("stuck"));
        await().until(() -> registry.statuses().stream().allMatch(ServerStatus::isReady));
        connector.configureClientEnds(end -> {});
        registry.register(eager("last"));
        await().until(() -> registry.statuses().stream().allMatch(ServerStatus::isReady));

        long start = System.nanoTime();
        registry.close();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        // a bound, not a benchmark: the hanging close alone would take 20 s
        assertThat(took).isLessThan(Duration.ofSeconds(10));
        await().until(() -> connector.closed().containsAll(List.of("first", "stuck", "last")));
        assertThat(connector.closed().getFirst()).isEqualTo("last");
    }

    @Test
    void healthCheckPingsEveryConnectedServerAtOnceWithinItsTimeout() {
        Duration timeout = Duration.ofSeconds(1);
        try (ServerRegistry registry = registry(SupervisionSettings.DEFAULTS.withHealthCheckTimeout(timeout))) {
            for (String name : List.of("hung1", "hung2", "hung3")) {
                registry.register(lazy(name)).client();
                connector.freezeLatest();
            }
            registry.register(lazy("good")).client();
            registry.register(lazy("idle"));
            int connects = connector.calls();

            long start = System.nanoTime();
            List<ServerHealth> health = registry.healthCheck();
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            // one after another, the three hung servers would need three timeouts
            assertThat(took).isLessThan(timeout.multipliedBy(2));
            assertThat(health)
                    .extracting(ServerHealth::name)
                    .containsExactly("hung1", "hung2", "hung3", "good", "idle");
            assertThat(health.subList(0, 3)).allSatisfy(h -> {
                assertThat(h.healthy()).isFalse();
                assertThat(h.status().state()).isEqualTo(ServerState.DEGRADED);
                assertThat(h.status().errorPhase()).isEqualTo(ErrorPhase.RUNTIME);
            });
            assertThat(health.get(3).healthy()).isTrue();
            assertThat(health.get(3).latency()).isNotNull();
            assertThat(health.get(4).healthy()).isFalse();
            assertThat(health.get(4).error()).isEqualTo("not connected (state: IDLE)");
            assertThat(connector.calls()).isEqualTo(connects);
        }
    }
}
