package dev.switchboard.server.admin;

import static dev.switchboard.server.TestConfigs.ADMIN_KEY;
import static dev.switchboard.server.TestConfigs.USER_KEY;
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

/** The admin API on a real gateway with API keys, the demo server behind it over stdio. */
class AdminApiIT {
    @TempDir
    static Path dir;

    static Gateway gateway;
    static TestHttp http;

    @BeforeAll
    static void start() throws Exception {
        Path file = TestConfigs.write(
                dir.resolve("switchboard.json"),
                TestConfigs.withApiKeys(TestConfigs.withDemo(TestConfigs.empty(), "demo")));
        gateway = Gateway.builder().configFile(file).watchConfig(false).start();
        http = new TestHttp(gateway.base());
    }

    @AfterAll
    static void stop() {
        http.close();
        gateway.close();
    }

    @Test
    void listsServersWithTheirState() {
        Reply reply = http.get("/api/servers", ADMIN_KEY);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode demo = reply.json().get("servers").get(0);
        assertThat(demo.get("name").asString()).isEqualTo("demo");
        assertThat(demo.get("transport").asString()).isEqualTo("stdio");
        assertThat(demo.get("sessionMode").asString()).isEqualTo("shared");
        assertThat(demo.has("state")).isTrue();
    }

    @Test
    void showsOneServerWithItsStatus() {
        Reply reply = http.get("/api/servers/demo", ADMIN_KEY);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("name").asString()).isEqualTo("demo");
        assertThat(reply.json().get("status").has("retryCount")).isTrue();
    }

    @Test
    void answersAnUnknownServerWithServerNotFound() {
        for (String path : new String[] {
            "/api/servers/nope",
            "/api/servers/nope/tools",
            "/api/servers/nope/reconnect",
            "/api/circuit-breakers/nope/reset"
        }) {
            Reply reply = path.endsWith("reconnect") || path.endsWith("reset")
                    ? http.post(path, ADMIN_KEY, "")
                    : http.get(path, ADMIN_KEY);

            assertThat(reply.status()).as(path).isEqualTo(404);
            assertThat(reply.json().at("/error/code").asString()).as(path).isEqualTo("server_not_found");
            assertThat(reply.json().at("/error/message").asString()).as(path).contains("nope");
        }
    }

    @Test
    void callsAToolByServerAndToolAndByRoutedName() {
        Reply direct = http.post(
                "/api/call", ADMIN_KEY, "{\"server\":\"demo\",\"tool\":\"echo\",\"arguments\":{\"message\":\"hi\"}}");
        Reply routed = http.post("/api/call", ADMIN_KEY, "{\"name\":\"demo__add\",\"arguments\":{\"a\":2,\"b\":3}}");

        assertThat(direct.status()).isEqualTo(200);
        assertThat(direct.json().get("server").asString()).isEqualTo("demo");
        assertThat(direct.json().at("/result/content/0/text").asString()).contains("hi");
        assertThat(routed.status()).isEqualTo(200);
        assertThat(routed.json().get("tool").asString()).isEqualTo("add");
        assertThat(routed.json().at("/result/structuredContent/sum").asInt()).isEqualTo(5);
    }

    @Test
    void answersAnUnknownToolWithToolNotFound() {
        Reply byName = http.post("/api/call", ADMIN_KEY, "{\"name\":\"demo__nothing\"}");

        assertThat(byName.status()).isEqualTo(404);
        assertThat(byName.json().at("/error/code").asString()).isEqualTo("tool_not_found");
    }

    @Test
    void answersMalformedCallsWithInvalidRequest() {
        String[] bodies = {
            "not json",
            "[1]",
            "{}",
            "{\"server\":\"demo\"}",
            "{\"server\":\"demo\",\"tool\":\"echo\",\"arguments\":[]}",
            "{\"name\":\"x\",\"server\":\"demo\"}"
        };
        for (String body : bodies) {
            Reply reply = http.post("/api/call", ADMIN_KEY, body);

            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.json().at("/error/code").asString()).as(body).isEqualTo("invalid_request");
            assertThat(reply.json().at("/error/message").asString()).as(body).contains("expected:");
        }
    }

    @Test
    void listsToolsOfAllServersAndOfOneServer() {
        http.post("/api/call", ADMIN_KEY, "{\"server\":\"demo\",\"tool\":\"echo\",\"arguments\":{\"message\":\"x\"}}");

        JsonNode all = http.get("/api/tools", ADMIN_KEY).json().get("tools");
        JsonNode one = http.get("/api/servers/demo/tools", ADMIN_KEY).json();

        assertThat(field(all, "name")).contains("demo__echo", "demo__add");
        assertThat(one.get("server").asString()).isEqualTo("demo");
        assertThat(field(one.get("tools"), "tool")).contains("echo", "add");
        assertThat(one.at("/tools/0/inputSchema").isObject()).isTrue();
    }

    private static List<String> field(JsonNode array, String name) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.path(name).asString()));
        return values;
    }

    @Test
    void reportsHealthBreakersAndPools() {
        http.post("/api/call", ADMIN_KEY, "{\"server\":\"demo\",\"tool\":\"echo\",\"arguments\":{\"message\":\"x\"}}");

        JsonNode health = http.get("/api/health", ADMIN_KEY).json();
        JsonNode breakers = http.get("/api/circuit-breakers", ADMIN_KEY).json();
        Reply reset = http.post("/api/circuit-breakers/demo/reset", ADMIN_KEY, "");
        Reply pool = http.get("/api/pool", ADMIN_KEY);

        assertThat(health.get("healthy").asBoolean()).isTrue();
        assertThat(health.at("/servers/0/name").asString()).isEqualTo("demo");
        assertThat(breakers.at("/breakers/0/server").asString()).isEqualTo("demo");
        assertThat(breakers.at("/breakers/0/state").asString()).isEqualTo("closed");
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.json().get("reset").asBoolean()).isTrue();
        assertThat(pool.status()).isEqualTo(200);
        assertThat(pool.json().get("servers").isObject()).isTrue();
    }

    @Test
    void reconnectsAServer() {
        Reply reply = http.post("/api/servers/demo/reconnect", ADMIN_KEY, "");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().at("/status/state").asString()).isEqualTo("ready");
    }

    @Test
    void answersUnknownPathsAndWrongMethodsInJson() {
        Reply unknown = http.get("/api/nothing", ADMIN_KEY);
        Reply wrongMethod = http.get("/api/reload", ADMIN_KEY);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().at("/error/code").asString()).isEqualTo("not_found");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.header("Allow")).isEqualTo("POST");
        assertThat(wrongMethod.json().at("/error/code").asString()).isEqualTo("method_not_allowed");
    }

    @Test
    void refusesRequestsWithoutOrWithBadCredentials() {
        Reply none = http.get("/api/servers", null);
        Reply bad = http.get("/api/servers", "wrong-key-0123456789abcdef");

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).startsWith("Bearer realm=\"switchboard\"");
        assertThat(none.json().at("/error/code").asString()).isEqualTo("unauthorized");
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.json().at("/error/code").asString()).isEqualTo("unauthorized");
        assertThat(bad.body()).doesNotContain("wrong-key");
    }

    @Test
    void refusesAdminRoutesToAPrincipalWithoutTheAdminRole() {
        Reply reply = http.get("/api/servers", USER_KEY);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().at("/error/code").asString()).isEqualTo("forbidden");
    }

    @Test
    void servesTheProbesWithoutCredentialsAndMetricsToAnyPrincipal() {
        assertThat(http.get("/healthz", null).json().get("status").asString()).isEqualTo("up");
        assertThat(http.get("/readyz", null).json().get("status").asString()).isEqualTo("ready");
        assertThat(http.get("/metrics", null).status()).isEqualTo(401);
        assertThat(http.get("/metrics", USER_KEY).status()).isEqualTo(200);
    }

    @Test
    void exposesPerServerCallMetricsAfterACall() {
        http.post("/api/call", ADMIN_KEY, "{\"server\":\"demo\",\"tool\":\"echo\",\"arguments\":{\"message\":\"m\"}}");

        Reply metrics = http.get("/metrics", ADMIN_KEY);

        assertThat(metrics.header("Content-Type")).startsWith("text/plain");
        assertThat(metrics.body())
                .containsPattern(
                        "switchboard_server_calls_total\\{[^}]*outcome=\"success\"[^}]*server=\"demo\"[^}]*} [1-9]")
                .containsPattern("switchboard_gateway_calls_seconds_count\\{outcome=\"success\",server=\"demo\"} [1-9]")
                .contains("switchboard_server_state{server=\"demo\"} 3.0")
                .containsPattern("switchboard_server_processes\\{server=\"demo\"} 1")
                .contains("jvm_memory_used_bytes")
                .contains("process_uptime_seconds");
    }
}
