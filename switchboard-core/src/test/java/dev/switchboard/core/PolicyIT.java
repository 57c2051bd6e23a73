package dev.switchboard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.config.GatewayConfig;
import dev.switchboard.core.config.GatewaySettings;
import dev.switchboard.core.config.PolicyConfig;
import dev.switchboard.core.config.PolicyDecision;
import dev.switchboard.core.config.PolicyRule;
import dev.switchboard.core.config.RemoteServerConfig;
import dev.switchboard.core.config.RemoteTransport;
import dev.switchboard.core.config.ServerSettings;
import dev.switchboard.core.config.SessionMode;
import dev.switchboard.core.policy.Principal;
import dev.switchboard.core.pool.PoolStats;
import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.demo.DemoOptions;
import dev.switchboard.mcp.demo.DemoServer;
import dev.switchboard.mcp.server.http.McpHttpServer;
import dev.switchboard.mcp.server.http.McpHttpServerOptions;
import dev.switchboard.mcp.session.RequestOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The access policy through the facade, against the demo server over Streamable HTTP. */
class PolicyIT {
    private static final Principal ALICE = new Principal("alice", null, Set.of());
    private static final Principal BOB = new Principal("bob", null, Set.of());

    private final McpRuntime runtime = new McpRuntime();
    private McpHttpServer demo;
    private Switchboard switchboard;

    @BeforeEach
    void start() {
        demo = new McpHttpServer(DemoServer.create(DemoOptions.of(runtime)), runtime, McpHttpServerOptions.defaults());
        demo.start();
        switchboard = Switchboard.builder()
                .config(config(policy(new PolicyRule("alice", null, null, List.of("web"), List.of("echo"), List.of()))))
                .runtime(runtime)
                .build();
        switchboard.connectAll(Duration.ofSeconds(20));
    }

    @AfterEach
    void close() {
        switchboard.close();
        demo.close();
        runtime.close();
    }

    private GatewayConfig config(PolicyConfig policy) {
        GatewaySettings d = GatewaySettings.DEFAULTS;
        ServerSettings pooled = new ServerSettings(
                true,
                false,
                ServerSettings.DEFAULTS.timeouts(),
                SessionMode.PER_IDENTITY,
                ServerSettings.DEFAULTS.pool(),
                ServerSettings.DEFAULTS.breaker(),
                ServerSettings.DEFAULTS.bulkhead(),
                ServerSettings.DEFAULTS.tools(),
                true);
        return GatewayConfig.of(
                new GatewaySettings(d.listen(), d.separator(), d.views(), d.auth(), policy),
                List.of(new RemoteServerConfig("web", demo.mcpEndpoint(), RemoteTransport.HTTP, Map.of(), pooled)));
    }

    private static PolicyConfig policy(PolicyRule... rules) {
        return new PolicyConfig(PolicyDecision.DENY, List.of(rules));
    }

    private JsonNode call(Principal principal, String server, String tool) {
        ObjectNode args = JsonNodeFactory.instance
                .objectNode()
                .put("message", "hi")
                .put("a", 1)
                .put("b", 2);
        try {
            return switchboard
                    .callToolAsync(principal, server, tool, args, RequestOptions.defaults())
                    .join();
        } catch (CompletionException e) {
            throw (RuntimeException) e.getCause();
        }
    }

    @Test
    void listingsShowEachPrincipalWhatThePolicyAllowsAndTheApplicationEverything() {
        assertThat(switchboard.tools(ALICE)).extracting(ToolInfo::name).containsExactly("web__echo");
        assertThat(switchboard.tools(BOB)).isEmpty();
        assertThat(switchboard.tools()).extracting(ToolInfo::name).contains("web__echo", "web__add");
        assertThat(switchboard.servers(ALICE)).extracting(ServerInfo::name).containsExactly("web");
        assertThat(switchboard.servers(BOB)).isEmpty();
        assertThat(switchboard.route(ALICE, "echo")).map(ToolInfo::name).contains("web__echo");
        assertThat(switchboard.route(ALICE, "add")).isEmpty();
    }

    @Test
    void aHiddenToolFailsExactlyAsAMissingOne() {
        assertThat(call(ALICE, "web", "echo")
                        .path("content")
                        .path(0)
                        .path("text")
                        .asString())
                .isEqualTo("hi");

        Throwable hidden = catchFailure(() -> call(ALICE, "web", "add"));
        Throwable missing = catchFailure(() -> call(ALICE, "web", "no_such_tool"));

        assertThat(hidden).isInstanceOf(NotFoundException.class);
        assertThat(missing).isInstanceOf(NotFoundException.class);
        assertThat(hidden.getMessage()).isEqualTo(missing.getMessage().replace("no_such_tool", "add"));
        assertThat(((NotFoundException) hidden).error().code())
                .isEqualTo(((NotFoundException) missing).error().code());
    }

    @Test
    void aHiddenServerFailsExactlyAsAMissingOne() {
        Throwable hidden = catchFailure(() -> call(BOB, "web", "echo"));
        Throwable missing = catchFailure(() -> call(BOB, "nowhere", "echo"));

        assertThat(hidden).isInstanceOf(NotFoundException.class).hasMessageStartingWith("Unknown server: web");
        assertThat(missing).isInstanceOf(NotFoundException.class).hasMessageStartingWith("Unknown server: nowhere");
        assertThatThrownBy(() -> switchboard.openSession(BOB, "web")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void sessionsOfAPrincipalFollowThePolicyAndItsOwnPool() {
        try (ServerSession session = switchboard.openSession(ALICE, "web")) {
            assertThat(session.callTool(
                                    "echo",
                                    JsonNodeFactory.instance.objectNode().put("message", "s"))
                            .path("content")
                            .path(0)
                            .path("text")
                            .asString())
                    .isEqualTo("s");
            assertThatThrownBy(() -> session.callTool("add", null)).isInstanceOf(NotFoundException.class);
        }
        PoolStats stats = switchboard.poolStats().get("web");
        assertThat(stats.keys()).hasSize(1);
    }

    @Test
    void aReloadedPolicyAppliesToTheNextCall() {
        assertThat(catchFailure(() -> call(BOB, "web", "echo"))).isInstanceOf(NotFoundException.class);

        ReloadResult result = switchboard.reload(config(policy(
                new PolicyRule("alice", null, null, List.of("web"), List.of("echo"), List.of()),
                new PolicyRule("bob", null, null, List.of("web"), List.of("*"), List.of("echo")))));

        assertThat(result.gatewayChanges()).containsExactly("policy");
        assertThat(result.unchanged()).containsExactly("web");
        assertThat(switchboard.tools(BOB))
                .extracting(ToolInfo::name)
                .contains("web__add")
                .doesNotContain("web__echo");
        assertThat(call(BOB, "web", "add").path("structuredContent").path("sum").asInt())
                .isEqualTo(3);
    }

    private static Throwable catchFailure(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("expected a failure");
    }
}
