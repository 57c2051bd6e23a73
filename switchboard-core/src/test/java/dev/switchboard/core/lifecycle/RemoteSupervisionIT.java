package dev.switchboard.core.lifecycle;

import static dev.switchboard.core.lifecycle.TestServers.echoArgs;
import static dev.switchboard.core.lifecycle.TestServers.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.core.config.RemoteTransport;
import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.demo.DemoOptions;
import dev.switchboard.mcp.demo.DemoServer;
import dev.switchboard.mcp.server.http.McpHttpServer;
import dev.switchboard.mcp.server.http.McpHttpServerOptions;
import dev.switchboard.mcp.session.RequestOptions;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Supervision of remote servers over real HTTP: restarts on the same port, legacy fallback. */
class RemoteSupervisionIT {
    private final McpRuntime runtime = new McpRuntime();
    private final List<McpHttpServer> servers = new ArrayList<>();
    private final ServerRegistry registry = new ServerRegistry(new SupervisorContext(
            ServerConnector.create(runtime),
            runtime.timer(),
            runtime.virtualThreads(),
            Clock.systemUTC(),
            TestServers.HIGHEST,
            SupervisionSettings.DEFAULTS.withBackoff(Duration.ofMillis(50), Duration.ofMillis(400))));

    @AfterEach
    void close() {
        registry.close();
        servers.forEach(McpHttpServer::close);
        runtime.close();
    }

    private McpHttpServer serve(int port) {
        McpHttpServer server = new McpHttpServer(
                DemoServer.create(DemoOptions.of(runtime)),
                runtime,
                McpHttpServerOptions.defaults().withPort(port));
        servers.add(server);
        server.start();
        return server;
    }

    @Test
    void streamableHttpServerThatRestartsOnTheSamePortIsRecovered() {
        McpHttpServer first = serve(0);
        int port = first.mcpEndpoint().getPort();
        ServerSupervisor s =
                registry.register(TestServers.remote("web", first.mcpEndpoint(), RemoteTransport.HTTP, false));
        assertThat(text(s.callTool("echo", echoArgs("one"), RequestOptions.defaults())
                        .join()))
                .isEqualTo("one");
        assertThat(s.status().transport()).isEqualTo("http");

        first.close();
        assertThat(s.callTool("echo", echoArgs("down"), RequestOptions.defaults()))
                .failsWithin(10, TimeUnit.SECONDS);
        await().until(() -> s.status().state() == ServerState.DEGRADED);
        assertThat(s.status().errorPhase()).isEqualTo(ErrorPhase.TOOL_CALL);
        serve(port);

        assertThat(text(s.callTool("echo", echoArgs("two"), RequestOptions.defaults())
                        .join()))
                .isEqualTo("two");
        await().until(() -> s.status().state() == ServerState.READY);
    }

    @Test
    void legacySseServerIsReachedThroughTheFallback() {
        McpHttpServer legacy = serve(0);
        ServerSupervisor s =
                registry.register(TestServers.remote("old", legacy.sseEndpoint(), RemoteTransport.HTTP, false));

        assertThat(text(s.client().callTool("echo", echoArgs("hello")))).isEqualTo("hello");

        ServerStatus status = s.status();
        assertThat(status.state()).isEqualTo(ServerState.READY);
        assertThat(status.transport()).isEqualTo("sse");
        assertThat(status.toolCount()).isPositive();
    }

    @Test
    void sseServerThatRestartsIsReconnectedWithBackoff() {
        McpHttpServer first = serve(0);
        int port = first.sseEndpoint().getPort();
        ServerSupervisor s =
                registry.register(TestServers.remote("old", first.sseEndpoint(), RemoteTransport.SSE, true));
        await().until(() -> s.status().state() == ServerState.READY);

        first.close();
        await().until(() ->
                s.status().errorPhase() == ErrorPhase.RUNTIME || s.status().retryCount() > 1);
        serve(port);

        await().atMost(Duration.ofSeconds(20)).until(() -> s.status().state() == ServerState.READY);
        assertThat(text(s.client().callTool("echo", echoArgs("back")))).isEqualTo("back");
        assertThat(s.status().transport()).isEqualTo("sse");
    }

    @Test
    void unreachableServerFailsWhileConnecting() {
        McpHttpServer gone = serve(0);
        URI url = gone.mcpEndpoint();
        gone.close();
        ServerSupervisor s = registry.register(TestServers.remote("gone", url, RemoteTransport.HTTP, false));

        assertThatThrownBy(s::client)
                .isInstanceOfSatisfying(
                        ServerConnectException.class,
                        e -> assertThat(e.phase()).isEqualTo(ErrorPhase.TRANSPORT_CONNECT));
        assertThat(s.status().state()).isEqualTo(ServerState.FAILED);
        assertThat(s.status().errorMessage()).doesNotContain("fallback");
    }

    @Test
    void serverAnsweringNeitherTransportReportsBothFailures() {
        McpHttpServer server = serve(0);
        URI wrongPath = server.base().resolve("nothing-here");
        ServerSupervisor s = registry.register(TestServers.remote("wrong", wrongPath, RemoteTransport.HTTP, false));

        assertThatThrownBy(s::client).isInstanceOfSatisfying(ServerConnectException.class, e -> {
            assertThat(e.phase()).isEqualTo(ErrorPhase.TRANSPORT_CONNECT);
            assertThat(e.getMessage()).contains("404", "the fallback to HTTP+SSE failed too");
        });
    }
}
