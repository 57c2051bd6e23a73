package dev.switchboard.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The admin API acts as its caller: two admins, a policy that denies one of them the demo's
 * {@code add}, and a {@code per-identity} server whose pool keys each admin's calls apart.
 */
class AdminPolicyIT {
    private static final String ALICE = TestConfigs.ADMIN_KEY;
    private static final String CAROL = "carol-key-0123456789abcdef";

    @TempDir
    static Path dir;

    static Gateway gateway;
    static TestHttp http;

    @BeforeAll
    static void start() throws Exception {
        ObjectNode config = TestConfigs.withApiKeys(TestConfigs.withDemo(TestConfigs.empty(), "demo"));
        ((ObjectNode) config.at("/mcpServers/demo")).put("sessionMode", "per-identity");
        ObjectNode gatewaySettings = (ObjectNode) config.get("gateway");
        ObjectNode carol = ((ArrayNode) gatewaySettings.at("/auth/apiKeys"))
                .addObject()
                .put("key", CAROL)
                .put("user", "carol");
        carol.putArray("roles").add("admin");
        ObjectNode rule = gatewaySettings.putObject("policy").putArray("rules").addObject();
        rule.put("user", "carol");
        rule.putArray("deny").add("add");
        Path file = TestConfigs.write(dir.resolve("switchboard.json"), config);
        gateway = Gateway.builder().configFile(file).watchConfig(false).start();
        http = new TestHttp(gateway.base());
    }

    @AfterAll
    static void stop() {
        http.close();
        gateway.close();
    }

    @Test
    void callsRunUnderTheCallersPolicy() {
        String add = "{\"server\":\"demo\",\"tool\":\"add\",\"arguments\":{\"a\":1,\"b\":2}}";
        String routedAdd = "{\"name\":\"demo__add\",\"arguments\":{\"a\":1,\"b\":2}}";
        String echo = "{\"server\":\"demo\",\"tool\":\"echo\",\"arguments\":{\"message\":\"hi\"}}";

        Reply aliceAdd = http.post("/api/call", ALICE, add);
        Reply carolAdd = http.post("/api/call", CAROL, add);
        Reply carolRoutedAdd = http.post("/api/call", CAROL, routedAdd);
        Reply carolEcho = http.post("/api/call", CAROL, echo);

        assertThat(aliceAdd.status()).isEqualTo(200);
        assertThat(aliceAdd.json().at("/result/structuredContent/sum").asInt()).isEqualTo(3);
        assertThat(carolAdd.status()).isEqualTo(404);
        assertThat(carolAdd.json().at("/error/code").asString()).isEqualTo("tool_not_found");
        assertThat(carolRoutedAdd.status()).isEqualTo(404);
        assertThat(carolRoutedAdd.json().at("/error/code").asString()).isEqualTo("tool_not_found");
        assertThat(carolEcho.status()).isEqualTo(200);
    }

    @Test
    void eachCallerUsesItsOwnPooledSessions() {
        String echo = "{\"server\":\"demo\",\"tool\":\"echo\",\"arguments\":{\"message\":\"hi\"}}";

        assertThat(http.post("/api/call", ALICE, echo).status()).isEqualTo(200);
        assertThat(http.post("/api/call", CAROL, echo).status()).isEqualTo(200);
        assertThat(http.post("/api/call", ALICE, echo).status()).isEqualTo(200);

        JsonNode pool = http.get("/api/pool", ALICE).json().at("/servers/demo");
        assertThat(pool.get("keys")).hasSize(2);
        assertThat(pool.get("hits").asLong()).isPositive();
    }

    @Test
    void toolListingsShowOnlyWhatTheCallerMayCall() {
        http.post("/api/call", ALICE, "{\"server\":\"demo\",\"tool\":\"echo\",\"arguments\":{\"message\":\"x\"}}");

        List<String> aliceAll = field(http.get("/api/tools", ALICE).json().get("tools"), "name");
        List<String> carolAll = field(http.get("/api/tools", CAROL).json().get("tools"), "name");
        List<String> aliceDemo =
                field(http.get("/api/servers/demo/tools", ALICE).json().get("tools"), "tool");
        List<String> carolDemo =
                field(http.get("/api/servers/demo/tools", CAROL).json().get("tools"), "tool");

        assertThat(aliceAll).contains("demo__add", "demo__echo");
        assertThat(carolAll).contains("demo__echo").doesNotContain("demo__add");
        assertThat(aliceDemo).contains("add", "echo");
        assertThat(carolDemo).contains("echo").doesNotContain("add");
    }

    private static List<String> field(JsonNode array, String name) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.path(name).asString()));
        return values;
    }
}
