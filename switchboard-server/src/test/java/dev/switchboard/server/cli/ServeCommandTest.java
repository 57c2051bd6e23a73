package dev.switchboard.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.config.ConfigLoader;
import dev.switchboard.core.config.ConfigResult;
import dev.switchboard.core.config.ListenAddress;
import dev.switchboard.core.config.StdioServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        ServeCommand command = new ServeCommand(new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
        return new CommandLine(command).execute(args);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void parsesListenAddresses() {
        assertThat(Listen.parse("127.0.0.1:8808")).isEqualTo(new ListenAddress("127.0.0.1", 8808));
        assertThat(Listen.parse("[::1]:0")).isEqualTo(new ListenAddress("::1", 0));
        assertThat(Listen.parse("localhost:65535")).isEqualTo(new ListenAddress("localhost", 65535));
        assertThat(Listen.parse("localhost")).isNull();
        assertThat(Listen.parse("host:65536")).isNull();
        assertThat(Listen.parse(":80")).isNull();
    }

    @Test
    void rejectsAMalformedListenAddress() {
        assertThat(run("--listen", "nope")).isEqualTo(2);
        assertThat(err()).contains("--listen: nope (expected: HOST:PORT");
    }

    @Test
    void printsEveryProblemOfAnInvalidFileAndExitsOne() throws Exception {
        Path file = Files.writeString(
                dir.resolve("bad.json"), "{\"mcpServers\": {\"x\": {}, \"y\": {\"url\": \"ftp://y\"}}}");

        assertThat(run("--config", file.toString())).isEqualTo(1);
        assertThat(err()).contains("is invalid:").contains("mcpServers.x").contains("mcpServers.y.url");
    }

    @Test
    void refusesAPublicAddressWithoutAuth() throws Exception {
        Path file = Files.writeString(dir.resolve("empty.json"), "{\"mcpServers\": {}}");

        assertThat(run("--config", file.toString(), "--listen", "0.0.0.0:8808")).isEqualTo(1);
        assertThat(err()).contains("serve: listen: \"0.0.0.0:8808\" (expected: a loopback address");
    }

    @Test
    void theQuickStartIsValidAndStartsTheDemoServerWithTheLauncher() {
        Map<String, String> env = Quickstart.environment(Map.of("SWITCHBOARD_HOME", "/opt/switchboard"));
        ConfigResult result = new ConfigLoader(env).load(Path.of("..", "examples", "quickstart.yaml"));

        assertThat(result.errors()).isEmpty();
        StdioServerConfig demo =
                (StdioServerConfig) result.orElseThrow().config().servers().get("demo");
        assertThat(demo.command()).isEqualTo("/opt/switchboard/switchboard");
        assertThat(demo.args()).containsExactly("demo-server");
    }

    @Test
    void fillsInTheLauncherHomeWhenTheEnvironmentLacksIt() {
        Map<String, String> env = Quickstart.environment(Map.of("PATH", "/bin"));

        assertThat(env).containsEntry("PATH", "/bin").containsKey("SWITCHBOARD_HOME");
        assertThat(Path.of(env.get("SWITCHBOARD_HOME"))).isAbsolute();
        assertThat(Quickstart.environment(Map.of("SWITCHBOARD_HOME", "/x"))).containsEntry("SWITCHBOARD_HOME", "/x");
    }
}
