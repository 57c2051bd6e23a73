package dev.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.core.ServerInfo;
import dev.switchboard.server.TestHttp.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Hot reload through the admin API and on file changes. */
class ReloadIT {
    @TempDir
    Path dir;

    private Gateway gateway;
    private TestHttp http;

    private void start(boolean watch) throws Exception {
        Path file =
                TestConfigs.write(dir.resolve("switchboard.json"), TestConfigs.withDemo(TestConfigs.empty(), "demo"));
        gateway = Gateway.builder()
                .configFile(file)
                .watchConfig(watch)
                .reloadDebounce(Duration.ofMillis(50))
                .start();
        http = new TestHttp(gateway.base());
    }

    @AfterEach
    void stop() {
        if (http != null) {
            http.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void reloadsAValidFileThroughTheApi() throws Exception {
        start(false);
        TestConfigs.write(
                dir.resolve("switchboard.json"),
                TestConfigs.withDemo(TestConfigs.withDemo(TestConfigs.empty(), "demo"), "extra"));

        Reply reply = http.post("/api/reload", null, "");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("applied").asBoolean()).isTrue();
        assertThat(strings(reply.json().get("added"))).containsExactly("extra");
        assertThat(strings(reply.json().get("unchanged"))).containsExactly("demo");
        assertThat(gateway.switchboard().servers()).extracting(ServerInfo::name).containsExactly("demo", "extra");
    }

    @Test
    void rejectsAnInvalidFileWithEveryErrorAndKeepsServingTheOldConfig() throws Exception {
        start(false);
        ObjectNode broken = TestConfigs.withDemo(TestConfigs.empty(), "demo");
        ((ObjectNode) broken.at("/mcpServers/demo")).put("url", "ftp://x");
        ((ObjectNode) broken.get("gateway")).put("separator", "!!");
        TestConfigs.write(dir.resolve("switchboard.json"), broken);

        Reply reply = http.post("/api/reload", null, "");
        Reply call = http.post(
                "/api/call", null, "{\"server\":\"demo\",\"tool\":\"echo\",\"arguments\":{\"message\":\"still\"}}");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().at("/error/code").asString()).isEqualTo("reload_invalid");
        assertThat(reply.json().at("/error/errors").size()).isGreaterThanOrEqualTo(2);
        assertThat(reply.json().at("/error/errors").findValuesAsString("path"))
                .contains("gateway.separator")
                .anyMatch(path -> path.startsWith("mcpServers.demo"));
        assertThat(call.status()).isEqualTo(200);
        assertThat(call.json().at("/result/content/0/text").asString()).contains("still");
    }

    @Test
    void reloadsWhenTheFileIsReplacedByARename() throws Exception {
        start(true);

        TestConfigs.write(
                dir.resolve("switchboard.json"),
                TestConfigs.withDemo(TestConfigs.withDemo(TestConfigs.empty(), "demo"), "renamed"));

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(gateway.switchboard().servers())
                        .extracting(ServerInfo::name)
                        .containsExactly("demo", "renamed"));
    }

    @Test
    void reloadsWhenTheFileIsWrittenInPlace() throws Exception {
        start(true);
        Path file = dir.resolve("switchboard.json");

        Files.writeString(file, Files.readString(file).replace("\"demo\"", "\"written\""));

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(gateway.switchboard().servers())
                        .extracting(ServerInfo::name)
                        .containsExactly("written"));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }
}
