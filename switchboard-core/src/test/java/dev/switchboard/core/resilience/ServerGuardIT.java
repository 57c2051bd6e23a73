package dev.switchboard.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.core.config.BreakerSettings;
import dev.switchboard.core.config.BulkheadSettings;
import dev.switchboard.core.config.ServerSettings;
import dev.switchboard.core.config.Timeouts;
import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.client.ClientOptions;
import dev.switchboard.mcp.client.McpClient;
import dev.switchboard.mcp.client.stdio.StdioClientTransport;
import dev.switchboard.mcp.client.stdio.StdioServerParameters;
import dev.switchboard.mcp.demo.DemoServer;
import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import dev.switchboard.mcp.session.McpTimeoutException;
import dev.switchboard.mcp.session.RequestOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The guard in front of the real demo server, a child process over stdio, with the real clock and
 * the runtime's timer: calls that fail at the protocol level open the breaker, which half-opens
 * after its wait and closes once the server answers again.
 */
class ServerGuardIT {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Duration OPEN = Duration.ofSeconds(2);

    private final McpRuntime runtime = new McpRuntime();
    private final ResilienceRegistry registry = new ResilienceRegistry(
            Clock.systemUTC(),
            runtime.timer(),
            runtime.virtualThreads(),
            new SimpleMeterRegistry(),
            RetrySettings.DEFAULTS);
    private final List<McpClient> clients = new ArrayList<>();
    private final AtomicReference<McpClient> current = new AtomicReference<>();
    private ServerGuard guard;

    @BeforeEach
    void startGuard() {
        ServerSettings d = ServerSettings.DEFAULTS;
        ServerSettings settings = new ServerSettings(
                true,
                false,
                new Timeouts(PATIENCE, PATIENCE, PATIENCE),
                d.sessionMode(),
                d.pool(),
                new BreakerSettings(50, 2, OPEN, 1),
                new BulkheadSettings(4),
                d.tools(),
                true);
        guard = registry.guard("demo", settings);
    }

    @AfterEach
    void stop() {
        clients.forEach(McpClient::close);
        runtime.close();
    }

    private McpClient startDemo() {
        String java = ProcessHandle.current().info().command().orElseThrow();
        StdioServerParameters demo = StdioServerParameters.builder(java)
                .args("-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m")
                .args("-cp", System.getProperty("java.class.path"), DemoServer.class.getName())
                .build();
        McpClient client = McpClient.connect(
                new StdioClientTransport("demo", demo, runtime), ClientOptions.of(runtime, "guard-it"));
        clients.add(client);
        current.set(client);
        return client;
    }

    private CompletableFuture<JsonNode> callTool(String name, ObjectNode args, Duration timeout) {
        return guard.call(
                CallKind.TOOL_CALL, timeout, () -> current.get().callToolAsync(name, args, RequestOptions.defaults()));
    }

    private CompletableFuture<JsonNode> echo() {
        return callTool("echo", runtime.codec().object().put("message", "hi"), PATIENCE);
    }

    private static Throwable failure(CompletableFuture<?> call) {
        try {
            call.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the call succeeded");
    }

    private void awaitRecovery() throws Exception {
        await().atMost(PATIENCE).until(() -> guard.status().state() == BreakerState.HALF_OPEN);
        JsonNode trial = echo().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(trial.path("content").path(0).path("text").asString()).isEqualTo("hi");
        assertThat(guard.status().state()).isEqualTo(BreakerState.CLOSED);
    }

    @Test
    void opensOnTimeoutsButNotOnToolErrorsOrCallerErrorsAndClosesAgainAfterTheWait() throws Exception {
        startDemo();
        ObjectNode none = runtime.codec().object();
        for (int i = 0; i < 2; i++) {
            JsonNode toolError =
                    callTool("test_error_handling", none, PATIENCE).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertThat(toolError.path("isError").asBoolean()).isTrue();
            assertThat(failure(callTool("no_such_tool", none, PATIENCE)))
                    .isInstanceOfSatisfying(
                            JsonRpcException.class,
                            e -> assertThat(e.error().code()).isEqualTo(JsonRpcError.INVALID_PARAMS));
        }
        assertThat(guard.status().state()).isEqualTo(BreakerState.CLOSED);
        assertThat(guard.status().failedCalls()).isZero();
        guard.reset();

        ObjectNode longWait = runtime.codec().object().put("ms", 60_000);
        for (int i = 0; i < 2; i++) {
            assertThat(failure(callTool("slow", longWait, Duration.ofMillis(200))))
                    .isInstanceOf(McpTimeoutException.class);
        }

        assertThat(guard.status().state()).isEqualTo(BreakerState.OPEN);
        assertThat(failure(echo()))
                .isInstanceOfSatisfying(
                        CircuitOpenException.class,
                        e -> assertThat(e.getMessage()).contains("server demo", "OPEN"));
        assertThat(guard.status().callsInFlight()).isZero();
        awaitRecovery();
    }

    @Test
    void opensWhenTheServerProcessDiesAndClosesOnceARestartedServerAnswers() throws Exception {
        McpClient first = startDemo();
        assertThat(echo().get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isNotNull();
        long pid = ((StdioClientTransport) first.session().transport()).pid().orElseThrow();
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        await().atMost(PATIENCE).until(() -> !first.session().isOpen());

        // the session is closed, so the call never reaches the server: retried, until the breaker opens
        Throwable e = failure(echo());

        assertThat(e).isInstanceOf(CircuitOpenException.class);
        assertThat(guard.status().state()).isEqualTo(BreakerState.OPEN);
        assertThat(guard.retries()).isGreaterThanOrEqualTo(1);
        assertThatThrownBy(() -> echo().get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                .hasCauseInstanceOf(CircuitOpenException.class);

        startDemo();
        awaitRecovery();
    }
}
