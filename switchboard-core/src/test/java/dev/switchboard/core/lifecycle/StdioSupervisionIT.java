package dev.switchboard.core.lifecycle;

import static dev.switchboard.core.lifecycle.TestServers.echoArgs;
import static dev.switchboard.core.lifecycle.TestServers.shell;
import static dev.switchboard.core.lifecycle.TestServers.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.core.config.ServerConfig;
import dev.switchboard.core.config.Timeouts;
import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.demo.DemoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Supervision of real child processes: crash loops, hangs, stderr, the process cap, no zombies. */
class StdioSupervisionIT {
    private static final Duration BASE = Duration.ofMillis(50);
    private static final Duration CEILING = Duration.ofMillis(400);
    /** A JVM starting on a busy machine is slow; a shell is not. */
    private static final Timeouts JVM =
            new Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(10));

    private final McpRuntime runtime = new McpRuntime();
    private final List<Duration> delays = new CopyOnWriteArrayList<>();
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1) {
        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            delays.add(Duration.ofNanos(unit.toNanos(delay)));
            return super.schedule(command, delay, unit);
        }
    };
    private final List<Long> attemptNanos = new CopyOnWriteArrayList<>();
    private final List<Process> leaked = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        leaked.forEach(Process::destroyForcibly);
        timer.shutdownNow();
        runtime.close();
    }

    private ServerRegistry registry(ServerConnector connector, SupervisionSettings settings) {
        ServerConnector counting = (config, onPid) -> {
            attemptNanos.add(System.nanoTime());
            return connector.connect(config, onPid);
        };
        return new ServerRegistry(new SupervisorContext(
                counting, timer, runtime.virtualThreads(), Clock.systemUTC(), TestServers.HIGHEST, settings));
    }

    private ServerRegistry registry() {
        return registry(ServerConnector.create(runtime), SupervisionSettings.DEFAULTS.withBackoff(BASE, CEILING));
    }

    private static ConditionFactory slowly() {
        return await().atMost(Duration.ofSeconds(90));
    }

    @Test
    void crashLoopBacksOffUpToTheCeilingWithinTheProcessCapAndLeavesNoZombie() {
        ServerSupervisor s;
        try (ServerRegistry registry = registry()) {
            s = registry.register(TestServers.stdio("crashy", true, TestServers.FAST, shell("exit 3")));

            await().atMost(Duration.ofSeconds(30)).until(() -> attemptNanos.size() >= 7);

            ServerStatus status = s.status();
            assertThat(status.errorPhase()).isEqualTo(ErrorPhase.INITIALIZE);
            assertThat(status.errorMessage()).startsWith("initialize of ").contains("exited with code 3");
            assertThat(status.retryCount()).isGreaterThanOrEqualTo(6);
        }
        List<Duration> first = delays.subList(0, 6);
        assertThat(first).extracting(Duration::toMillis).containsExactly(50L, 99L, 199L, 399L, 399L, 399L);
        for (int i = 1; i < 7; i++) {
            Duration gap = Duration.ofNanos(attemptNanos.get(i) - attemptNanos.get(i - 1));
            assertThat(gap).isGreaterThanOrEqualTo(delays.get(i - 1));
        }
        assertThat(s.processes().peak()).isEqualTo(1);
        assertThat(s.processes().startedPids()).hasSizeGreaterThanOrEqualTo(7);
        await().until(() -> s.processes().startedPids().stream().noneMatch(StdioSupervisionIT::alive));
        assertThat(s.processes().live()).isZero();
    }

    @Test
    void failingServerShowsItsStderrTail() {
        try (ServerRegistry registry = registry()) {
            ServerSupervisor s = registry.register(TestServers.stdio(
                    "needs-token",
                    false,
                    TestServers.FAST,
                    shell("echo 'error: GITHUB_TOKEN is not set' >&2; exit 1")));

            assertThatThrownBy(s::client).isInstanceOfSatisfying(ServerConnectException.class, e -> {
                assertThat(e.phase())
                        .as("the process started, then failed the handshake")
                        .isEqualTo(ErrorPhase.INITIALIZE);
                assertThat(e.stderrTail()).contains("error: GITHUB_TOKEN is not set");
            });
            ServerStatus status = s.status();
            assertThat(status.state()).isEqualTo(ServerState.FAILED);
            assertThat(status.stderrTail()).containsExactly("error: GITHUB_TOKEN is not set");
            assertThat(status.errorMessage()).contains("exited with code 1");
            assertThat(status.nextAttemptAt()).isNotNull();
        }
    }

    @Test
    void commandThatCannotStartFailsInProcessStart() {
        try (ServerRegistry registry = registry()) {
            ServerSupervisor s = registry.register(TestServers.stdio(
                    "missing", false, TestServers.FAST, List.of("/nonexistent/switchboard-test-server")));

            assertThatThrownBy(s::client)
                    .isInstanceOfSatisfying(
                            ServerConnectException.class,
                            e -> assertThat(e.phase()).isEqualTo(ErrorPhase.PROCESS_START));
            assertThat(s.processes().live()).isZero();
        }
    }

    @Test
    void commandNotOnThePathIsNamedWithoutThePath() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin");
        try (ServerRegistry registry = registry()) {
            ServerSupervisor s = registry.register(
                    TestServers.stdio("missing", false, TestServers.FAST, List.of("switchboard-no-such-command")));

            assertThatThrownBy(s::client).isInstanceOfSatisfying(ServerConnectException.class, e -> {
                assertThat(e.phase()).isEqualTo(ErrorPhase.PROCESS_START);
                assertThat(e.getMessage()).startsWith("server missing: start of ");
                assertThat(e.getMessage())
                        .contains("switchboard-no-such-command")
                        .doesNotContain(path);
            });
        }
    }

    @Test
    void serverThatHangsAtInitializeFailsInThatPhaseWhileAnotherServerWorks() {
        Timeouts hangFast = new Timeouts(Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofSeconds(5));
        ServerSupervisor hang;
        try (ServerRegistry registry = registry(
                ServerConnector.create(runtime),
                SupervisionSettings.DEFAULTS.withBackoff(Duration.ofSeconds(5), Duration.ofSeconds(60)))) {
            hang = registry.register(TestServers.stdio("hang", true, hangFast, shell("cat > /dev/null")));
            ServerSupervisor demo = registry.register(demo("demo", true));

            await().atMost(Duration.ofSeconds(30)).until(() -> hang.status().state() == ServerState.FAILED);
            ServerStatus failed = hang.status();
            assertThat(failed.errorPhase()).isEqualTo(ErrorPhase.INITIALIZE);
            assertThat(failed.errorMessage()).contains("initialize");

            slowly().until(() -> demo.status().state() == ServerState.READY);
            assertThat(text(demo.client().callTool("echo", echoArgs("still here"))))
                    .isEqualTo("still here");
            assertThat(demo.status().toolCount()).isPositive();
        }
        await().until(() -> hang.processes().startedPids().stream().noneMatch(StdioSupervisionIT::alive));
    }

    @Test
    void lazyServerStartsItsProcessAtFirstUseAndIsRespawnedAfterACrash() {
        ServerSupervisor s;
        try (ServerRegistry registry = registry()) {
            s = registry.register(demo("demo", false));
            assertThat(s.status().state()).isEqualTo(ServerState.IDLE);
            assertThat(s.processes().startedPids()).isEmpty();

            assertThat(text(s.client().callTool("echo", echoArgs("one")))).isEqualTo("one");
            long firstPid = s.processes().startedPids().getFirst();

            ProcessHandle.of(firstPid).ifPresent(ProcessHandle::destroyForcibly);

            slowly().until(() -> s.status().errorPhase() == ErrorPhase.RUNTIME);
            slowly().until(() -> s.status().state() == ServerState.READY);
            assertThat(text(s.client().callTool("echo", echoArgs("two")))).isEqualTo("two");
            assertThat(s.processes().startedPids()).hasSize(2).doesNotHaveDuplicates();
            assertThat(alive(firstPid)).isFalse();
            assertThat(s.processes().peak()).isEqualTo(1);
        }
        assertThat(s.processes().startedPids()).noneMatch(StdioSupervisionIT::alive);
        assertThat(s.status().state()).isEqualTo(ServerState.CLOSED);
    }

    @Test
    void processCapHoldsWhileAnEarlierProcessOfTheServerIsStillAlive() {
        ScriptedConnector inMemory = new ScriptedConnector(runtime, Clock.systemUTC());
        ServerConnector leaking = (config, onPid) -> {
            Process p = start("sleep", "60");
            leaked.add(p);
            onPid.accept(p.pid());
            return inMemory.connect(config, onPid);
        };
        Timeouts quick = new Timeouts(Duration.ofMillis(300), Duration.ofSeconds(2), Duration.ofSeconds(5));
        try (ServerRegistry registry = registry(
                leaking, SupervisionSettings.DEFAULTS.withBackoff(Duration.ofSeconds(30), Duration.ofSeconds(60)))) {
            ServerSupervisor s = registry.register(TestServers.stdio("leaky", false, quick, List.of("x")));
            s.client();

            ServerStatus refused = s.reconnect();

            assertThat(refused.state()).isEqualTo(ServerState.FAILED);
            assertThat(refused.errorPhase()).isEqualTo(ErrorPhase.PROCESS_START);
            assertThat(refused.errorMessage()).contains("processes alive: 1 (expected: fewer than maxProcesses 1");
            assertThat(refused.processes()).isEqualTo(1);
            assertThat(inMemory.calls()).isEqualTo(1);

            leaked.getFirst().destroyForcibly();

            assertThat(s.reconnect().state()).isEqualTo(ServerState.READY);
            assertThat(inMemory.calls()).isEqualTo(2);
            assertThat(s.processes().peak()).isEqualTo(1);
        }
    }

    private static ServerConfig demo(String name, boolean eager) {
        return TestServers.stdio(name, eager, JVM, TestServers.java(DemoServer.class.getName()));
    }

    private static boolean alive(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        return handle.isPresent() && handle.get().isAlive();
    }

    private static Process start(String... command) {
        try {
            return new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
