package dev.switchboard.core.lifecycle;

import static dev.switchboard.core.lifecycle.ScriptedConnector.fail;
import static dev.switchboard.core.lifecycle.ScriptedConnector.succeed;
import static dev.switchboard.core.lifecycle.TestServers.FAST;
import static dev.switchboard.core.lifecycle.TestServers.eager;
import static dev.switchboard.core.lifecycle.TestServers.echoArgs;
import static dev.switchboard.core.lifecycle.TestServers.lazy;
import static dev.switchboard.core.lifecycle.TestServers.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.core.config.StdioServerConfig;
import dev.switchboard.core.config.Timeouts;
import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.client.McpClient;
import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import dev.switchboard.mcp.protocol.McpMethods;
import dev.switchboard.mcp.server.McpServer;
import dev.switchboard.mcp.session.McpTimeoutException;
import dev.switchboard.mcp.session.RequestOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

class ServerSupervisorTest {
    private static final Duration BASE = Duration.ofMillis(100);
    private static final Duration CEILING = Duration.ofMillis(1600);
    private static final Duration STABLE = Duration.ofSeconds(10);
    private static final Timeouts TIGHT =
            new Timeouts(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofSeconds(1));

    private final McpRuntime runtime = new McpRuntime();
    private final MutableClock clock = new MutableClock();
    private final ManualScheduler timer = new ManualScheduler(clock);
    private final ScriptedConnector connector = new ScriptedConnector(runtime, clock);
    private final ServerRegistry registry = new ServerRegistry(new SupervisorContext(
            connector,
            timer,
            runtime.virtualThreads(),
            clock,
            TestServers.HIGHEST,
            SupervisionSettings.DEFAULTS.withBackoff(BASE, CEILING).withStableUptime(STABLE)));

    @AfterEach
    void close() {
        registry.close();
        runtime.close();
    }

    @Test
    void lazyServerStartsNothingUntilFirstUse() {
        ServerSupervisor s = registry.register(lazy("files"));

        assertThat(s.status().state()).isEqualTo(ServerState.IDLE);
        assertThat(connector.calls()).isZero();

        McpClient client = s.client();

        assertThat(text(client.callTool("echo", echoArgs("hi")))).isEqualTo("hi");
        ServerStatus status = s.status();
        assertThat(status.state()).isEqualTo(ServerState.READY);
        assertThat(status.toolCount()).isPositive();
        assertThat(status.lastSuccess()).isEqualTo(clock.instant());
        assertThat(status.retryCount()).isZero();
        assertThat(status.errorPhase()).isNull();
        assertThat(connector.calls()).isEqualTo(1);
    }

    @Test
    void eagerServerConnectsAtRegistration() {
        ServerSupervisor s = registry.register(eager("files"));

        await().until(() -> s.status().state() == ServerState.READY);
        assertThat(connector.calls()).isEqualTo(1);
    }

    @Test
    void concurrentFirstUsersShareOneAttempt() {
        ServerSupervisor s = registry.register(lazy("files"));
        connector.hold();
        List<CompletableFuture<McpClient>> users = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            users.add(CompletableFuture.supplyAsync(s::client, runtime.virtualThreads()));
        }
        await().until(() -> connector.calls() == 1 && s.status().state() == ServerState.CONNECTING);

        connector.open();

        Set<McpClient> clients = ConcurrentHashMap.newKeySet();
        users.forEach(u -> clients.add(u.join()));
        assertThat(clients).hasSize(1);
        assertThat(connector.calls()).isEqualTo(1);
    }

    @Test
    void failedAttemptsBackOffExponentiallyUpToTheCeiling() {
        connector.otherwise(fail(ErrorPhase.TRANSPORT_CONNECT, "connection refused"));
        ServerSupervisor s = registry.register(eager("remote"));

        for (int attempt = 1; attempt <= 7; attempt++) {
            int made = attempt;
            await().until(() -> connector.calls() == made && timer.pending() == 1);
            ServerStatus status = s.status();
            assertThat(status.state()).isEqualTo(ServerState.FAILED);
            assertThat(status.retryCount()).isEqualTo(attempt);
            assertThat(status.nextAttemptAt())
                    .isEqualTo(clock.instant().plus(timer.delays().getLast()));
            timer.runNext();
        }

        // the eighth attempt may already have failed and asked for its delay
        assertThat(timer.delays())
                .extracting(Duration::toMillis)
                .startsWith(100L, 199L, 399L, 799L, 1599L, 1599L, 1599L);
        List<Instant> attempts = connector.attempts();
        for (int i = 1; i < attempts.size(); i++) {
            assertThat(Duration.between(attempts.get(i - 1), attempts.get(i)))
                    .isEqualTo(timer.delays().get(i - 1));
        }
        ServerStatus status = s.status();
        assertThat(status.errorPhase()).isEqualTo(ErrorPhase.TRANSPORT_CONNECT);
        assertThat(status.errorMessage()).isEqualTo("connection refused");
        assertThat(status.stderrTail()).containsExactly("stderr says connection refused");
    }

    @Test
    void crashLoopKeepsBackingOffAndTheBackoffResetsAfterSustainedUptime() {
        ServerSupervisor s = registry.register(eager("flaky"));
        await().until(() -> s.status().state() == ServerState.READY);

        for (int crash = 1; crash <= 3; crash++) {
            connector.crashLatest();
            await().until(() -> timer.pending() == 1);
            ServerStatus lost = s.status();
            assertThat(lost.state()).isEqualTo(ServerState.DEGRADED);
            assertThat(lost.errorPhase()).isEqualTo(ErrorPhase.RUNTIME);
            assertThat(lost.retryCount()).isEqualTo(crash);
            timer.runNext();
            await().until(() -> s.status().state() == ServerState.READY);
        }
        assertThat(timer.delays()).extracting(Duration::toMillis).containsExactly(100L, 199L, 399L);

        clock.advance(STABLE);
        assertThat(s.status().retryCount()).isZero();
        connector.crashLatest();
        await().until(() -> timer.pending() == 1);

        assertThat(timer.delays().getLast()).isEqualTo(BASE);
        assertThat(s.status().retryCount()).isEqualTo(1);
    }

    @Test
    void lostSessionIsReportedWithPhaseRuntimeAndTheStderrTail() {
        ServerSupervisor s = registry.register(eager("flaky"));
        await().until(() -> s.status().state() == ServerState.READY);

        connector.crashLatest();

        await().until(() -> s.status().state() == ServerState.DEGRADED);
        ServerStatus status = s.status();
        assertThat(status.errorMessage()).startsWith("the session closed");
        assertThat(status.stderrTail()).containsExactly("stderr of flaky");
        assertThat(status.nextAttemptAt())
                .isEqualTo(clock.instant().plus(timer.delays().getFirst()));
    }

    @Test
    void configErrorsAreNotRetried() {
        connector.otherwise(fail(ErrorPhase.CONFIG, "headers: Host (expected: a header the transport does not set)"));
        ServerSupervisor s = registry.register(eager("remote"));

        await().until(() -> s.status().state() == ServerState.FAILED);

        assertThat(s.status().nextAttemptAt()).isNull();
        assertThat(timer.pending()).isZero();
        assertThatThrownBy(s::client)
                .isInstanceOfSatisfying(
                        ServerConnectException.class, e -> assertThat(e.phase()).isEqualTo(ErrorPhase.CONFIG));
    }

    @Test
    void clientFailsAtOnceWhileTheNextAttemptIsDueAfterItsWait() {
        connector.otherwise(fail(ErrorPhase.TRANSPORT_CONNECT, "connection refused"));
        Timeouts tight = new Timeouts(Duration.ofMillis(20), Duration.ofMillis(20), Duration.ofSeconds(1));
        ServerSupervisor s = registry.register(TestServers.stdio("remote", true, tight, List.of("x")));
        await().until(() -> timer.pending() == 1);

        assertThatThrownBy(s::client).isInstanceOfSatisfying(ServerConnectException.class, e -> {
            assertThat(e.phase()).isEqualTo(ErrorPhase.TRANSPORT_CONNECT);
            assertThat(e.getMessage()).contains("next attempt", "connection refused");
        });
        assertThat(connector.calls()).isEqualTo(1);
    }

    @Test
    void clientWaitsForAnAttemptDueWithinItsWait() {
        connector.then(fail(ErrorPhase.TRANSPORT_CONNECT, "connection refused")).otherwise(succeed());
        ServerSupervisor s = registry.register(eager("remote"));
        await().until(() -> timer.pending() == 1);

        CompletableFuture<McpClient> user = CompletableFuture.supplyAsync(s::client, runtime.virtualThreads());
        timer.runNext();

        assertThat(user.join().session().isOpen()).isTrue();
        assertThat(connector.calls()).isEqualTo(2);
    }

    @Test
    void disabledServerNeverConnects() {
        StdioServerConfig off = new StdioServerConfig(
                "off", "x", List.of(), Map.of(), null, false, TestServers.settings(false, true, FAST));
        ServerSupervisor s = registry.register(off);

        assertThat(s.status().state()).isEqualTo(ServerState.DISABLED);
        assertThatThrownBy(s::client)
                .isInstanceOfSatisfying(
                        ServerConnectException.class, e -> assertThat(e.phase()).isEqualTo(ErrorPhase.CONFIG));
        assertThat(s.testConnection(3).state()).isEqualTo(ServerState.DISABLED);
        assertThat(connector.calls()).isZero();
    }

    @Test
    void failedToolListingLeavesTheServerDegradedButUsable() {
        McpServer noTools = McpServer.builder("no-tools", "1")
                .capability("tools", JsonNodeFactory.instance.objectNode())
                .handle(McpMethods.TOOLS_LIST, r -> {
                    throw new JsonRpcException(JsonRpcError.INTERNAL_ERROR, "tools are down");
                })
                .build();
        connector.then(ScriptedConnector.succeedWith(noTools));
        ServerSupervisor s = registry.register(lazy("odd"));

        s.client().ping();

        ServerStatus status = s.status();
        assertThat(status.state()).isEqualTo(ServerState.DEGRADED);
        assertThat(status.errorPhase()).isEqualTo(ErrorPhase.TOOL_LISTING);
        assertThat(status.errorMessage()).contains("tools are down");
        assertThat(status.toolCount()).isNull();
    }

    @Test
    void requestTimeoutDegradesTheServerAndTheNextSuccessRestoresIt() {
        ServerSupervisor s = registry.register(lazy("slow"));
        RequestOptions quick = RequestOptions.defaults().withTimeout(Duration.ofMillis(50));

        CompletableFuture<?> slow = s.callTool("slow", TestServers.slowArgs(5_000), quick);

        assertThat(slow)
                .failsWithin(5, TimeUnit.SECONDS)
                .withThrowableThat()
                .havingRootCause()
                .isInstanceOf(McpTimeoutException.class);
        await().until(() -> s.status().state() == ServerState.DEGRADED);
        assertThat(s.status().errorPhase()).isEqualTo(ErrorPhase.TOOL_CALL);

        assertThat(text(s.callTool("echo", echoArgs("back"), RequestOptions.defaults())
                        .join()))
                .isEqualTo("back");
        await().until(() -> s.status().state() == ServerState.READY);
    }

    @Test
    void errorAnswerFromTheServerDoesNotDegradeIt() {
        ServerSupervisor s = registry.register(lazy("files"));

        CompletableFuture<?> unknown = s.request("no/such/method", null, RequestOptions.defaults());

        assertThat(unknown).failsWithin(5, TimeUnit.SECONDS);
        await().until(() -> s.status().inFlight() == 0);
        assertThat(s.status().state()).isEqualTo(ServerState.READY);
    }

    @Test
    void testConnectionMakesUpToTheGivenAttemptsFollowingTheBackoff() {
        connector
                .then(fail(ErrorPhase.INITIALIZE, "no answer"), fail(ErrorPhase.INITIALIZE, "no answer"))
                .otherwise(succeed());
        ServerSupervisor s = registry.register(TestServers.stdio("files", false, TIGHT, List.of("x")));

        CompletableFuture<ServerStatus> test =
                CompletableFuture.supplyAsync(() -> s.testConnection(3), runtime.virtualThreads());
        pumpUntilDone(test, 3);

        assertThat(test.join().state()).isEqualTo(ServerState.READY);
        assertThat(connector.calls()).isEqualTo(3);
        assertThat(timer.delays()).extracting(Duration::toMillis).containsExactly(100L, 199L);
    }

    @Test
    void testConnectionReportsTheFailureAfterTheLastAttempt() {
        connector.otherwise(fail(ErrorPhase.INITIALIZE, "no answer"));
        ServerSupervisor s = registry.register(TestServers.stdio("files", false, TIGHT, List.of("x")));

        CompletableFuture<ServerStatus> test =
                CompletableFuture.supplyAsync(() -> s.testConnection(2), runtime.virtualThreads());
        pumpUntilDone(test, 2);

        ServerStatus status = test.join();
        assertThat(status.state()).isEqualTo(ServerState.FAILED);
        assertThat(status.errorPhase()).isEqualTo(ErrorPhase.INITIALIZE);
        assertThat(connector.calls()).isEqualTo(2);
    }

    @Test
    void testConnectionOfAConnectedServerOnlyPings() {
        ServerSupervisor s = registry.register(eager("files"));
        await().until(() -> s.status().state() == ServerState.READY);

        assertThat(s.testConnection(3).state()).isEqualTo(ServerState.READY);
        assertThat(connector.calls()).isEqualTo(1);
    }

    @Test
    void reconnectClosesTheOldSessionBeforeOpeningANewOne() {
        ServerSupervisor s = registry.register(lazy("files"));
        McpClient first = s.client();

        ServerStatus status = s.reconnect();

        assertThat(status.state()).isEqualTo(ServerState.READY);
        assertThat(first.session().isOpen()).isFalse();
        assertThat(connector.closed()).containsExactly("files");
        assertThat(s.client()).isNotSameAs(first);
        assertThat(connector.calls()).isEqualTo(2);
        assertThat(timer.pending()).isZero();
    }

    /**
     * Runs scheduled attempts until {@code work} is done, but never more than {@code attempts} in
     * all: with real delays a retry can never run before the caller is waiting for it, and the
     * manual timer must not make it do so either.
     */
    private void pumpUntilDone(CompletableFuture<?> work, int attempts) {
        await().pollInterval(Duration.ofMillis(5)).until(() -> {
            if (connector.calls() < attempts) {
                timer.runNext();
            }
            return work.isDone();
        });
    }
}
