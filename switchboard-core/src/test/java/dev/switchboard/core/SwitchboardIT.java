package dev.switchboard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.core.catalog.AmbiguousToolException;
import dev.switchboard.core.config.BreakerSettings;
import dev.switchboard.core.config.BulkheadSettings;
import dev.switchboard.core.config.GatewayConfig;
import dev.switchboard.core.config.GatewaySettings;
import dev.switchboard.core.config.PoolSettings;
import dev.switchboard.core.config.RemoteServerConfig;
import dev.switchboard.core.config.RemoteTransport;
import dev.switchboard.core.config.ServerSettings;
import dev.switchboard.core.config.SessionMode;
import dev.switchboard.core.config.StdioServerConfig;
import dev.switchboard.core.config.Timeouts;
import dev.switchboard.core.config.ToolFilter;
import dev.switchboard.core.lifecycle.ServerState;
import dev.switchboard.core.lifecycle.SupervisionSettings;
import dev.switchboard.core.resilience.BreakerState;
import dev.switchboard.core.resilience.BreakerStatus;
import dev.switchboard.core.resilience.CircuitOpenException;
import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.demo.DemoOptions;
import dev.switchboard.mcp.demo.DemoServer;
import dev.switchboard.mcp.server.http.McpHttpServer;
import dev.switchboard.mcp.server.http.McpHttpServerOptions;
import dev.switchboard.mcp.session.IncomingHandler;
import dev.switchboard.mcp.session.McpTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The facade over real servers: a remote server that restarts, and a breaker that opens and half-opens. */
class SwitchboardIT {
    private final McpRuntime runtime = new McpRuntime();
    private final List<McpHttpServer> httpServers = new ArrayList<>();
    private final List<Switchboard> switchboards = new ArrayList<>();

    @AfterEach
    void close() {
        switchboards.forEach(Switchboard::close);
        httpServers.forEach(McpHttpServer::close);
        runtime.close();
    }

    private McpHttpServer serveDemo(int port) {
        McpHttpServer server = new McpHttpServer(
                DemoServer.create(DemoOptions.of(runtime)),
                runtime,
                McpHttpServerOptions.defaults().withPort(port));
        httpServers.add(server);
        server.start();
        return server;
    }

    private Switchboard start(GatewayConfig config) {
        Switchboard switchboard = Switchboard.builder()
                .config(config)
                .runtime(runtime)
                .supervision(SupervisionSettings.DEFAULTS.withBackoff(Duration.ofMillis(50), Duration.ofMillis(500)))
                .build();
        switchboards.add(switchboard);
        return switchboard;
    }

    private static ServerSettings settings(Timeouts timeouts, BreakerSettings breaker) {
        return new ServerSettings(
                true,
                false,
                timeouts,
                SessionMode.SHARED,
                PoolSettings.DEFAULTS,
                breaker,
                BulkheadSettings.DEFAULTS,
                ToolFilter.ALL,
                true);
    }

    private static ObjectNode args(String key, Object value) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (value instanceof Number n) {
            node.put(key, n.longValue());
        } else {
            node.put(key, String.valueOf(value));
        }
        return node;
    }

    private static String text(JsonNode result) {
        return result.path("content").path(0).path("text").asString("");
    }

    @Test
    void remoteServerThatRestartsOnTheSamePortServesTheNextCallsWithoutAnError() {
        McpHttpServer first = serveDemo(0);
        URI url = first.mcpEndpoint();
        RemoteServerConfig remote = new RemoteServerConfig(
                "web", url, RemoteTransport.HTTP, Map.of(), settings(Timeouts.DEFAULTS, BreakerSettings.DEFAULTS));
        Switchboard switchboard = start(GatewayConfig.of(GatewaySettings.DEFAULTS, List.of(remote)));
        assertThat(text(switchboard.callTool("web", "echo", args("message", "before"))))
                .isEqualTo("before");

        first.close();
        serveDemo(url.getPort());

        for (int i = 0; i < 5; i++) {
            assertThat(text(switchboard.callTool("web", "echo", args("message", "after " + i))))
                    .isEqualTo("after " + i);
        }
        assertThat(switchboard.server("web").orElseThrow().state()).isEqualTo(ServerState.READY);
    }

    @Test
    void breakerOpensAfterFailuresFailsFastThenHalfOpensAndCloses() {
        List<String> java = List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                DemoServer.class.getName());
        Timeouts shortCalls = new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofMillis(300));
        BreakerSettings breaker = new BreakerSettings(50, 2, Duration.ofMillis(700), 1);
        StdioServerConfig demo = new StdioServerConfig(
                "demo",
                java.getFirst(),
                java.subList(1, java.size()),
                Map.of(),
                null,
                false,
                settings(shortCalls, breaker));
        Switchboard switchboard = start(GatewayConfig.of(GatewaySettings.DEFAULTS, List.of(demo)));
        switchboard.connectAll(Duration.ofSeconds(20));

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> switchboard.callTool("demo", "slow", args("ms", 5000)))
                    .isInstanceOf(McpTimeoutException.class);
        }
        assertThatThrownBy(() -> switchboard.callTool("demo", "echo", args("message", "x")))
                .isInstanceOf(CircuitOpenException.class)
                .hasMessageContaining("circuit breaker OPEN");
        assertThat(breaker(switchboard).state()).isEqualTo(BreakerState.OPEN);

        await().atMost(Duration.ofSeconds(10)).until(() -> breaker(switchboard).state() == BreakerState.HALF_OPEN);
        assertThat(text(switchboard.callTool("demo", "echo", args("message", "trial"))))
                .isEqualTo("trial");
        assertThat(breaker(switchboard).state()).isEqualTo(BreakerState.CLOSED);
    }

    @Test
    void perSessionConnectionHandsTheServersSamplingRequestToTheSessionsHandler() {
        List<String> java = List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                DemoServer.class.getName());
        ServerSettings perSession = new ServerSettings(
                true,
                false,
                Timeouts.DEFAULTS,
                SessionMode.PER_SESSION,
                PoolSettings.DEFAULTS,
                BreakerSettings.DEFAULTS,
                BulkheadSettings.DEFAULTS,
                ToolFilter.ALL,
                true);
        StdioServerConfig demo = new StdioServerConfig(
                "demo", java.getFirst(), java.subList(1, java.size()), Map.of(), null, false, perSession);
        Switchboard switchboard = start(GatewayConfig.of(GatewaySettings.DEFAULTS, List.of(demo)));
        List<Object> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        IncomingHandler sampler = request -> {
            asked.add(request.method());
            ObjectNode answer = JsonNodeFactory.instance.objectNode();
            answer.put("role", "assistant");
            answer.put("model", "test-model");
            answer.putObject("content").put("type", "text").put("text", "sampled");
            return CompletableFuture.completedFuture(answer);
        };
        ObjectNode capabilities = JsonNodeFactory.instance.objectNode();
        capabilities.putObject("sampling");

        try (ServerSession session = switchboard.openSession("demo", capabilities, sampler)) {
            JsonNode result = session.callTool("test_sampling", args("prompt", "hi"));

            assertThat(text(result)).isEqualTo("LLM response: sampled");
            assertThat(asked).containsExactly("sampling/createMessage");
        }
    }

    @Test
    void toolsFollowTheServersListChangedAndItsConfiguredFilter() {
        McpHttpServer server = serveDemo(0);
        ServerSettings filtered = new ServerSettings(
                true,
                false,
                Timeouts.DEFAULTS,
                SessionMode.SHARED,
                PoolSettings.DEFAULTS,
                BreakerSettings.DEFAULTS,
                BulkheadSettings.DEFAULTS,
                new ToolFilter(List.of("*"), List.of("add")),
                true);
        RemoteServerConfig remote =
                new RemoteServerConfig("web", server.mcpEndpoint(), RemoteTransport.HTTP, Map.of(), filtered);
        Switchboard switchboard = start(GatewayConfig.of(GatewaySettings.DEFAULTS, List.of(remote)));

        assertThatThrownBy(() -> switchboard.callTool("web", "add", null))
                .isInstanceOf(NotFoundException.class)
                .hasMessageStartingWith("Unknown tool: add");
        assertThat(switchboard.tools())
                .extracting(ToolInfo::name)
                .contains("web__echo")
                .doesNotContain("web__add");
        int before = switchboard.server("web").orElseThrow().toolCount();

        switchboard.callTool("web", "add_tool", args("name", "fresh"));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> switchboard.tools().stream().anyMatch(t -> t.name().equals("web__fresh")));
        assertThat(switchboard.server("web").orElseThrow().toolCount()).isEqualTo(before + 1);
        assertThat(switchboard.route("fresh")).map(ToolInfo::server).contains("web");
    }

    @Test
    void operatorsCheckHealthReconnectAndResetBreakers() {
        McpHttpServer server = serveDemo(0);
        RemoteServerConfig remote = new RemoteServerConfig(
                "web",
                server.mcpEndpoint(),
                RemoteTransport.HTTP,
                Map.of(),
                settings(Timeouts.DEFAULTS, BreakerSettings.DEFAULTS));
        Switchboard switchboard = start(GatewayConfig.of(GatewaySettings.DEFAULTS, List.of(remote)));
        assertThat(switchboard.health())
                .singleElement()
                .satisfies(h -> assertThat(h.healthy()).isFalse());
        assertThat(switchboard.resetBreaker("web")).isTrue();

        switchboard.connectAll(Duration.ofSeconds(10));

        assertThat(switchboard.health())
                .singleElement()
                .satisfies(h -> assertThat(h.healthy()).isTrue());
        assertThat(switchboard.reconnect("web").state()).isEqualTo(ServerState.READY);
        assertThat(text(switchboard.callTool("web", "echo", args("message", "again"))))
                .isEqualTo("again");
        assertThat(switchboard.breakers()).extracting(BreakerStatus::server).containsExactly("web");
        assertThat(switchboard.poolStats()).isEmpty();
    }

    private static BreakerStatus breaker(Switchboard switchboard) {
        return switchboard.breakers().stream()
                .filter(b -> b.server().equals("demo"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void connectingOneLazyServerListsItsToolsAndLeavesTheOthersIdle() {
        McpHttpServer server = serveDemo(0);
        List<RemoteServerConfig> remotes = new ArrayList<>();
        for (String name : List.of("web", "other")) {
            remotes.add(new RemoteServerConfig(
                    name,
                    server.mcpEndpoint(),
                    RemoteTransport.HTTP,
                    Map.of(),
                    settings(Timeouts.DEFAULTS, BreakerSettings.DEFAULTS)));
        }
        Switchboard switchboard = start(GatewayConfig.of(GatewaySettings.DEFAULTS, List.copyOf(remotes)));

        ServerInfo web = switchboard.connect("web", Duration.ofSeconds(10));

        assertThat(web.state()).isEqualTo(ServerState.READY);
        assertThat(web.toolCount()).isPositive();
        assertThat(switchboard.tools())
                .isNotEmpty()
                .allMatch(tool -> tool.server().equals("web"));
        assertThat(switchboard.server("other").orElseThrow().state()).isEqualTo(ServerState.IDLE);
        assertThat(switchboard.connect("web", Duration.ofMillis(1)).state()).isEqualTo(ServerState.READY);
        assertThatThrownBy(() -> switchboard.connect("nope", Duration.ofSeconds(1)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void unknownServerAndToolNamesFailWithTheSameKindOfError() {
        McpHttpServer server = serveDemo(0);
        RemoteServerConfig remote = new RemoteServerConfig(
                "web",
                server.mcpEndpoint(),
                RemoteTransport.HTTP,
                Map.of(),
                settings(Timeouts.DEFAULTS, BreakerSettings.DEFAULTS));
        Switchboard switchboard = start(GatewayConfig.of(GatewaySettings.DEFAULTS, List.of(remote)));

        assertThatThrownBy(() -> switchboard.callTool("nope", "echo", null))
                .isInstanceOf(NotFoundException.class)
                .hasMessageStartingWith("Unknown server: nope");
        assertThatThrownBy(() -> switchboard.callRouted("web__nope", null))
                .isInstanceOf(NotFoundException.class)
                .hasMessageStartingWith("Unknown tool: web__nope");
        assertThat(text(switchboard.callRouted("web__echo", args("message", "routed"))))
                .isEqualTo("routed");
        assertThat(text(switchboard.callRouted("echo", args("message", "bare"))))
                .isEqualTo("bare");
    }

    @Test
    void aBareNameTwoServersOfferIsAmbiguousAndNamesBoth() {
        McpHttpServer server = serveDemo(0);
        List<RemoteServerConfig> remotes = new ArrayList<>();
        for (String name : List.of("a", "b")) {
            remotes.add(new RemoteServerConfig(
                    name,
                    server.mcpEndpoint(),
                    RemoteTransport.HTTP,
                    Map.of(),
                    settings(Timeouts.DEFAULTS, BreakerSettings.DEFAULTS)));
        }
        Switchboard switchboard = start(GatewayConfig.of(GatewaySettings.DEFAULTS, List.copyOf(remotes)));

        assertThatThrownBy(() -> switchboard.callRouted("echo", args("message", "which")))
                .isInstanceOfSatisfying(
                        AmbiguousToolException.class,
                        e -> assertThat(e.candidates()).containsExactly("a__echo", "b__echo"))
                .hasMessage("ambiguous: echo matches a__echo, b__echo (expected: one of these full names)");
        assertThat(text(switchboard.callRouted("b__echo", args("message", "full"))))
                .isEqualTo("full");
    }
}
