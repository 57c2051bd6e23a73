package dev.switchboard.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.server.Gateway;
import dev.switchboard.server.TestConfigs;
import dev.switchboard.server.TestHttp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/servers/{name}/tools} on a lazy server nobody has used yet. */
class ServerToolsIT {
    @TempDir
    Path dir;

    @Test
    void connectsALazyServerToListItsTools() throws Exception {
        Path file =
                TestConfigs.write(dir.resolve("switchboard.json"), TestConfigs.withDemo(TestConfigs.empty(), "demo"));
        try (Gateway gateway =
                        Gateway.builder().configFile(file).watchConfig(false).start();
                TestHttp http = new TestHttp(gateway.base())) {
            assertThat(http.get("/api/servers/demo", null).json().get("state").asString())
                    .isEqualTo("idle");

            JsonNode reply = http.get("/api/servers/demo/tools", null).json();

            assertThat(reply.get("state").asString()).isEqualTo("ready");
            List<String> tools = new ArrayList<>();
            reply.get("tools").forEach(tool -> tools.add(tool.path("tool").asString()));
            assertThat(tools).contains("echo", "add");
        }
    }
}
