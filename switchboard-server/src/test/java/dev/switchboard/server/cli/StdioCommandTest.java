package dev.switchboard.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StdioCommandTest {
    @TempDir
    Path dir;

    @Test
    void refusesToStartWithoutAConfigurationFile() {
        Cli.Run run = Cli.run("stdio");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--config");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void listsEveryProblemOfAnInvalidFileOnStandardErrorAndNothingOnStandardOutput() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "mcpServers:\n  a:\n    comand: x\n  b:\n    url: \"ftp://x\"\n");

        Cli.Run run = Cli.run("stdio", "--config", file.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("mcpServers.a.comand: unknown key").contains("mcpServers.b.url");
        assertThat(run.out()).isEmpty();
    }
}
