package dev.switchboard.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.config.ConfigLoader;
import dev.switchboard.core.config.GatewayConfig;
import dev.switchboard.core.config.RemoteServerConfig;
import dev.switchboard.core.config.ServerConfig;
import dev.switchboard.core.config.StdioServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaleConfigTest {
    private static final Map<String, String> ENV = Map.of("SWITCHBOARD_HOME", "/opt/switchboard");

    @TempDir
    Path dir;

    @Test
    void writesAValidFileWithEveryServerLazyAndRunningTheDemoServer() throws IOException {
        GatewayConfig config = load(ScaleConfig.stdio(1000), "scale.yaml");

        assertThat(config.servers()).hasSize(1000);
        assertThat(config.servers().values()).allSatisfy(server -> {
            assertThat(server.settings().eager()).isFalse();
            assertThat(server).isInstanceOfSatisfying(StdioServerConfig.class, stdio -> {
                assertThat(stdio.command()).isEqualTo("/opt/switchboard/switchboard");
                assertThat(stdio.args()).containsExactly("demo-server");
            });
        });
        assertThat(config.servers()).containsKeys("s0001", "s0500", "s1000");
        assertThat(config.gateway().listen().port()).isZero();
    }

    @Test
    void writesRemoteServersWithEachNameInTheUrl() throws IOException {
        GatewayConfig config = load(ScaleConfig.stdio(12).withRemote("http://127.0.0.1:9/mcp/{name}"), "remote.yaml");

        ServerConfig server = config.servers().get("s07");
        assertThat(server)
                .isInstanceOfSatisfying(
                        RemoteServerConfig.class,
                        remote -> assertThat(remote.url().toString()).isEqualTo("http://127.0.0.1:9/mcp/s07"));
        assertThat(config.servers()).hasSize(12);
    }

    @Test
    void writesTheSameServersAsJson() throws IOException {
        ScaleConfig scale = new ScaleConfig(3, "/bin/demo \"quoted\"", List.of("a b", "c\\d"), null, true);

        GatewayConfig config = load(scale, "scale.json");

        assertThat(scale.render()).startsWith("{");
        assertThat(config.servers().get("s3")).isInstanceOfSatisfying(StdioServerConfig.class, stdio -> {
            assertThat(stdio.command()).isEqualTo("/bin/demo \"quoted\"");
            assertThat(stdio.args()).containsExactly("a b", "c\\d");
        });
    }

    @Test
    void namesServersAsWideAsTheCountNeeds() {
        assertThat(ScaleConfig.stdio(9).name(9)).isEqualTo("s9");
        assertThat(ScaleConfig.stdio(10).name(1)).isEqualTo("s01");
        assertThat(ScaleConfig.stdio(1000).name(42)).isEqualTo("s0042");
    }

    @Test
    void parsesTheCommandLineAndRejectsWhatItCannotUse() {
        ScaleConfig.Parsed parsed = ScaleConfig.parse(List.of("--servers", "20", "--json", "--out", "x.json"));

        assertThat(parsed.config().servers()).isEqualTo(20);
        assertThat(parsed.config().json()).isTrue();
        assertThat(parsed.config().args()).containsExactly("demo-server");
        assertThat(parsed.out()).isEqualTo(Path.of("x.json"));
        assertThatThrownBy(() -> ScaleConfig.parse(List.of("--servers", "0", "--out", "x")))
                .hasMessageContaining("--servers: 0 (expected: 1 to 100000)");
        assertThatThrownBy(() -> ScaleConfig.parse(List.of("--servers", "5"))).hasMessageContaining("--out: missing");
    }

    private GatewayConfig load(ScaleConfig scale, String name) throws IOException {
        Path file = dir.resolve(name);
        scale.write(file);
        assertThat(Files.size(file)).isPositive();
        return new ConfigLoader(ENV).load(file).orElseThrow().config();
    }
}
