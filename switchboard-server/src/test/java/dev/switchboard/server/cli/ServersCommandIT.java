package dev.switchboard.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code switchboard servers} in this JVM, against the demo server over stdio and broken servers. */
class ServersCommandIT {
    @TempDir
    Path dir;

    @Test
    void printsEveryServersStateAndExitsWithZeroAlsoWhenOneFailed() throws Exception {
        Path file = new DemoConfigs()
                .demo("demo", "30s")
                .missingCommand("broken")
                .disabled("off")
                .write(dir);

        Cli.Run run = Cli.run("servers", "--config", file.toString());

        assertThat(run.status()).isZero();
        assertThat(run.outLines()).hasSize(4);
        assertThat(run.outLines().get(0).split(" +"))
                .containsExactly("NAME", "TRANSPORT", "MODE", "STATE", "PHASE", "TOOLS", "LAST", "ERROR");
        assertThat(run.outLines().get(1)).matches("demo +stdio +shared +ready +- +\\d+ +-");
        assertThat(run.outLines().get(2))
                .matches("broken +stdio +shared +failed +process-start +- +.*/nonexistent/switchboard-test-server.*");
        assertThat(run.outLines().get(3)).matches("off +http +shared +disabled +- +- +-");
    }

    @Test
    void printsTheProblemsOfAnInvalidConfigurationAndExitsWithOne() throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("bad.yaml"), "mcpServers: {a: {comand: x}}\n");

        Cli.Run run = Cli.run("servers", "--config", file.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).first().isEqualTo(file + ": 2 problems");
    }
}
