package dev.switchboard.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.demo.DemoOptions;
import dev.switchboard.mcp.demo.DemoServer;
import dev.switchboard.mcp.server.http.McpHttpServer;
import dev.switchboard.mcp.server.http.McpHttpServerOptions;
import dev.switchboard.server.Gateway;
import dev.switchboard.server.TestConfigs;
import dev.switchboard.server.TestHttp;
import dev.switchboard.server.TestHttp.Reply;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/call} by a bare name that two servers offer: ambiguous for an admin who sees
 * both, routed for one whose policy hides one of them.
 */
class AdminRoutingIT {
    private static final String ALICE = TestConfigs.ADMIN_KEY;
    private static final String CAROL = "carol-key-0123456789abcdef";
    private static final String ECHO = "{\"name\":\"echo\",\"arguments\":{\"message\":\"hi\"}}";

    @TempDir
    static Path dir;

    static McpRuntime runtime;
    static McpHttpServer demo;
    static Gateway gateway;
    static TestHttp http;

    @BeforeAll
    static void start() throws Exception {
        runtime = new McpRuntime();
        demo = new McpHttpServer(
                DemoServer.create(DemoOptions.of(runtime)),
                runtime,
                McpHttpServerOptions.defaults().withPort(0));
        demo.start();
        ObjectNode config = TestConfigs.withApiKeys(TestConfigs.empty());
        ObjectNode servers = (ObjectNode) config.get("mcpServers");
        servers.putObject("a").put("url", demo.mcpEndpoint().toString());
        servers.putObject("b").put("url", demo.mcpEndpoint().toString());
        ObjectNode settings = (ObjectNode) config.get("gateway");
        ObjectNode carol = ((ArrayNode) settings.at("/auth/apiKeys"))
                .addObject()
                .put("key", CAROL)
                .put("user", "carol");
        carol.putArray("roles").add("admin");
        ObjectNode rule = settings.putObject("policy").putArray("rules").addObject();
        rule.put("user", "carol");
        rule.putArray("servers").add("b");
        rule.putArray("deny").add("*");
        gateway = Gateway.builder()
                .configFile(TestConfigs.write(dir.resolve("switchboard.json"), config))
                .watchConfig(false)
                .start();
        http = new TestHttp(gateway.base());
    }

    @AfterAll
    static void stop() {
        http.close();
        gateway.close();
        demo.close();
        runtime.close();
    }

    @Test
    void aBareNameTwoVisibleServersOfferIsAmbiguousWithItsCandidates() {
        Reply reply = http.post("/api/call", ALICE, ECHO);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/error/code").asString()).isEqualTo("ambiguous_tool");
        assertThat(reply.json().at("/error/message").asString())
                .isEqualTo("ambiguous: echo matches a__echo, b__echo (expected: one of these full names)");
        List<String> candidates = new ArrayList<>();
        reply.json().at("/error/candidates").forEach(c -> candidates.add(c.asString()));
        assertThat(candidates).containsExactly("a__echo", "b__echo");
    }

    @Test
    void aBareNameIsRoutedWhenThePolicyHidesAllButOneServer() {
        Reply reply = http.post("/api/call", CAROL, ECHO);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("server").asString()).isEqualTo("a");
        assertThat(reply.body()).doesNotContain("b__echo");
    }
}
