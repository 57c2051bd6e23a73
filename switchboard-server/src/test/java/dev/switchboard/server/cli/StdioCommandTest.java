package dev.switchboard.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class StdioCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        StdioCommand command = new StdioCommand(new PrintStream(err, true, StandardCharsets.UTF_8));
        CommandLine line = new CommandLine(command);
        line.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
        return line.execute(args);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void refusesToStartWithoutAConfigurationFile() {
        assertThat(run()).isEqualTo(2);
        assertThat(err()).contains("--config");
    }

    @Test
    void listsEveryProblemOfAnInvalidFileOnStandardErrorAndExitsWithOne() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "mcpServers:\n  a:\n    comand: x\n  b:\n    url: \"ftp://x\"\n");

        assertThat(run("--config", file.toString())).isEqualTo(1);

        assertThat(err())
                .contains("stdio: " + file + " is invalid:")
                .contains("mcpServers.a.comand: unknown key")
                .contains("mcpServers.b.url");
    }
}
