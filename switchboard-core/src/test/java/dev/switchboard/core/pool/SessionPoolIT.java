package dev.switchboard.core.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.client.ClientOptions;
import dev.switchboard.mcp.client.McpClient;
import dev.switchboard.mcp.client.http.HttpTransportOptions;
import dev.switchboard.mcp.client.http.StreamableHttpClientTransport;
import dev.switchboard.mcp.client.stdio.StdioClientTransport;
import dev.switchboard.mcp.client.stdio.StdioServerParameters;
import dev.switchboard.mcp.demo.DemoOptions;
import dev.switchboard.mcp.demo.DemoServer;
import dev.switchboard.mcp.jsonrpc.JsonRpcNotification;
import dev.switchboard.mcp.jsonrpc.RequestId;
import dev.switchboard.mcp.protocol.McpMethods;
import dev.switchboard.mcp.server.McpServer;
import dev.switchboard.mcp.server.ServerSessionFactory;
import dev.switchboard.mcp.server.http.McpHttpServer;
import dev.switchboard.mcp.server.http.McpHttpServerOptions;
import dev.switchboard.mcp.session.IncomingHandler;
import dev.switchboard.mcp.session.IncomingRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The pool against the real demo server: served in-process over Streamable HTTP, where the server
 * records which of its sessions answered each call, and spawned over stdio, where each session is a
 * process of its own that the test can kill.
 */
class SessionPoolIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static McpRuntime runtime;
    private static McpHttpServer http;
    private static final List<String> serverSessions = new CopyOnWriteArrayList<>();
    private static final List<ServedCall> served = new CopyOnWriteArrayList<>();

    private final FakeTicker ticker = new FakeTicker();
    private @Nullable SessionPool pool;

    /** A {@code tools/call} of echo as the server saw it: which of its sessions, what message. */
    record ServedCall(String serverSession, String message) {}

    @BeforeAll
    static void startServer() {
        runtime = new McpRuntime();
        McpServer demo = DemoServer.create(DemoOptions.of(runtime));
        ServerSessionFactory recording = session -> {
            serverSessions.add(session.name());
            return new Recording(demo.open(session));
        };
        http = new McpHttpServer(
                recording, runtime, McpHttpServerOptions.defaults().withPort(0));
        http.start();
    }

    @AfterAll
    static void stopServer() {
        http.close();
        runtime.close();
    }

    @AfterEach
    void closePool() {
        if (pool != null) {
            pool.close();
        }
        serverSessions.clear();
        served.clear();
    }

    @Test
    void neverLendsOneIdentitysSessionToAnother() {
        SessionPool p = pool(this::httpSession);
        PoolKey alice = httpKey("alice", "Bearer token-a");
        PoolKey bob = httpKey("bob", "Bearer token-b");

        // each lease is closed before the next acquisition, so an idle session is there to share
        String aliceSession = echo(p, alice, "alice 1");
        String bobSession = echo(p, bob, "bob 1");
        String aliceAgain = echo(p, alice, "alice 2");

        assertThat(aliceSession).isNotEqualTo(bobSession).isEqualTo(aliceAgain);
        assertThat(serverSessions).hasSize(2);
        assertThat(served)
                .containsExactly(
                        new ServedCall(serverName(aliceSession), "alice 1"),
                        new ServedCall(serverName(bobSession), "bob 1"),
                        new ServedCall(serverName(aliceSession), "alice 2"));
        assertThat(p.stats().misses()).isEqualTo(2);
        assertThat(p.stats().hits()).isEqualTo(1);
    }

    @Test
    void lendsOneIdentityItsOwnSessionAgainAndChecksItAfterIdling() {
        SessionPool p = pool(this::httpSession);
        PoolKey alice = httpKey("alice", "Bearer token-a");

        String first = echo(p, alice, "one");
        String second = echo(p, alice, "two");
        ticker.advance(p.options().healthCheckAfterIdle());
        String afterIdle = echo(p, alice, "three");

        assertThat(List.of(second, afterIdle)).containsOnly(first);
        assertThat(serverSessions).containsExactly(serverName(first));
        assertThat(served).extracting(ServedCall::serverSession).containsOnly(serverName(first));
        assertThat(p.stats().hits()).isEqualTo(2);
        assertThat(p.stats().healthCheckFailures()).isZero();
    }

    @Test
    void replacesASessionWhoseServerProcessWasKilled() {
        SessionPool p = pool(this::stdioSession);
        PoolKey alice = PoolKey.of(PoolIdentity.of("alice"), "demo", "stdio");
        long firstPid;
        McpClient first;
        try (SessionLease lease = p.acquire(alice)) {
            first = lease.client();
            firstPid = pid(first);
            assertThat(echoText(first, "before")).isEqualTo("before");
        }

        ProcessHandle.of(firstPid).ifPresent(ProcessHandle::destroyForcibly);

        await().atMost(WAIT).until(() -> !first.session().isOpen());
        await().atMost(WAIT).until(() -> p.stats().keys().get(0).available() == 0);
        try (SessionLease lease = p.acquire(alice)) {
            assertThat(lease.client()).isNotSameAs(first);
            assertThat(pid(lease.client())).isNotEqualTo(firstPid);
            assertThat(echoText(lease.client(), "after")).isEqualTo("after");
        }
        assertThat(p.stats().evictions()).isEqualTo(1);
        assertThat(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
    }

    private SessionPool pool(SessionFactory factory) {
        pool = SessionPool.builder(factory)
                .name("it")
                .ticker(ticker)
                .runtime(runtime)
                .build();
        return pool;
    }

    private static PoolKey httpKey(String principal, String authorization) {
        return PoolKey.of(PoolIdentity.of(principal, Map.of("Authorization", authorization)), "demo", "http");
    }

    /** What the lifecycle's factory does for an HTTP server, with a made-up token per identity. */
    private McpClient httpSession(PoolKey key) {
        String token = key.identity().principal().equals("alice") ? "Bearer token-a" : "Bearer token-b";
        HttpTransportOptions options = HttpTransportOptions.builder(http.mcpEndpoint())
                .header("Authorization", token)
                .build();
        return McpClient.connect(
                new StreamableHttpClientTransport(runtime, options), ClientOptions.of(runtime, key.server()));
    }

    private McpClient stdioSession(PoolKey key) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        StdioServerParameters demo = StdioServerParameters.builder(java)
                .args("-cp", System.getProperty("java.class.path"), DemoServer.class.getName())
                .build();
        return McpClient.connect(
                new StdioClientTransport(key.server(), demo, runtime), ClientOptions.of(runtime, key.server()));
    }

    /** Calls echo through a lease of {@code key}; returns the client's Mcp-Session-Id. */
    private static String echo(SessionPool p, PoolKey key, String message) {
        try (SessionLease lease = p.acquire(key)) {
            assertThat(echoText(lease.client(), message)).isEqualTo(message);
            StreamableHttpClientTransport t =
                    (StreamableHttpClientTransport) lease.client().session().transport();
            return Objects.requireNonNull(t.sessionId());
        }
    }

    private static String echoText(McpClient client, String message) {
        JsonNode args = runtime.codec().object().put("message", message);
        return client.callTool("echo", args)
                .path("content")
                .path(0)
                .path("text")
                .asString();
    }

    /** The name our HTTP server gives the server side of a session: http- and its id's first 8. */
    private static String serverName(String sessionId) {
        return "http-" + sessionId.substring(0, 8);
    }

    private static long pid(McpClient client) {
        return ((StdioClientTransport) client.session().transport()).pid().orElseThrow();
    }

    /** Records each echo call with the server session that handles it. */
    private record Recording(IncomingHandler demo) implements IncomingHandler {
        @Override
        public CompletionStage<JsonNode> onRequest(IncomingRequest request) {
            if (McpMethods.TOOLS_CALL.equals(request.method())) {
                served.add(new ServedCall(
                        request.session().name(),
                        request.paramsObject().path("arguments").path("message").asString()));
            }
            return demo.onRequest(request);
        }

        @Override
        public void onNotification(JsonRpcNotification notification, @Nullable RequestId related) {
            demo.onNotification(notification, related);
        }

        @Override
        public void onClose(@Nullable Throwable cause) {
            demo.onClose(cause);
        }
    }
}
