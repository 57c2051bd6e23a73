package dev.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.core.config.ConfigException;
import dev.switchboard.core.config.ListenAddress;
import dev.switchboard.server.TestHttp.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** What a gateway refuses to start with, and how it stops. */
class GatewayIT {
    @TempDir
    Path dir;

    @Test
    void refusesAPublicListenAddressWithoutAuth() throws Exception {
        Path file = TestConfigs.write(dir.resolve("switchboard.json"), TestConfigs.empty());

        assertThatThrownBy(() -> Gateway.builder()
                        .configFile(file)
                        .listen(new ListenAddress("0.0.0.0", 8808))
                        .start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("listen: \"0.0.0.0:8808\" (expected: a loopback address such as \"127.0.0.1:8808\" while no"
                        + " authentication is configured; to listen on 0.0.0.0, set gateway.auth.apiKeys or"
                        + " gateway.auth.jwt in the config)");
    }

    @Test
    void refusesToStartWithAnInvalidFile() throws Exception {
        Path file = Files.writeString(dir.resolve("switchboard.json"), "{\"mcpServers\": {\"x\": {}}}");

        assertThatThrownBy(() -> Gateway.builder().configFile(file).start())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("mcpServers.x");
    }

    @Test
    void countsProcessStartsAndCrashesOnTheMetricsPage() throws Exception {
        String marker = "-Dswitchboard.test.marker=" + UUID.randomUUID();
        ObjectNode config = TestConfigs.withDemo(TestConfigs.empty(), "demo");
        ((ArrayNode) config.at("/mcpServers/demo/args")).insert(0, marker);
        Path file = TestConfigs.write(dir.resolve("switchboard.json"), config);
        try (Gateway gateway =
                        Gateway.builder().configFile(file).watchConfig(false).start();
                TestHttp http = new TestHttp(gateway.base())) {
            String echo = "{\"server\":\"demo\",\"tool\":\"echo\",\"arguments\":{\"message\":\"m\"}}";
            assertThat(http.post("/api/call", null, echo).status()).isEqualTo(200);
            assertThat(http.get("/metrics", null).body())
                    .contains("switchboard_server_process_starts_total{server=\"demo\"} 1.0")
                    .contains("switchboard_server_process_crashes_total{server=\"demo\"} 0.0");

            ProcessHandle child = ProcessHandle.current()
                    .descendants()
                    .filter(p -> p.info().commandLine().orElse("").contains(marker))
                    .findFirst()
                    .orElseThrow();
            child.destroyForcibly();

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> http.get("/metrics", null)
                            .body()
                            .contains("switchboard_server_process_crashes_total{server=\"demo\"} 1.0"));
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> http.post("/api/call", null, echo).status() == 200);
            assertThat(http.get("/metrics", null).body())
                    .contains("switchboard_server_process_starts_total{server=\"demo\"} 2.0");
        }
    }

    @Test
    void drainsCallsInFlightBeforeStoppingTheServerAndTheEngine() throws Exception {
        Path file =
                TestConfigs.write(dir.resolve("switchboard.json"), TestConfigs.withDemo(TestConfigs.empty(), "demo"));
        Gateway gateway = Gateway.builder().configFile(file).watchConfig(false).start();
        try (TestHttp http = new TestHttp(gateway.base())) {
            CompletableFuture<Reply> slow = CompletableFuture.supplyAsync(() -> http.post(
                    "/api/call", null, "{\"server\":\"demo\",\"tool\":\"slow\",\"arguments\":{\"ms\":1000}}"));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> gateway.callLog().inFlight() == 1
                            && ProcessHandle.current().children().findAny().isPresent());
            List<ProcessHandle> children = ProcessHandle.current().children().toList();

            gateway.close();

            assertThat(gateway.isReady()).isFalse();
            Reply reply = slow.get(20, TimeUnit.SECONDS);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().at("/result/isError").asBoolean(false)).isFalse();
            assertThat(children).isNotEmpty().noneMatch(ProcessHandle::isAlive);
        } finally {
            gateway.close();
        }
    }
}
