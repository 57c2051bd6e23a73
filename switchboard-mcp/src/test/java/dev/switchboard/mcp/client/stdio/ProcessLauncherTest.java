package dev.switchboard.mcp.client.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a command that cannot be run is described: the command, never the PATH. */
class ProcessLauncherTest {
    private static final String PATH = "/opt/secret-tools/bin:/usr/local/bin:/usr/bin";
    private static final String EXPECTED =
            " (expected: the name of an executable on the PATH, or the path of an executable file)";

    @Test
    void namesACommandNotFoundOnThePathWithoutListingThePath() {
        String message = ProcessLauncher.notFound("npx-missing", Map.of("PATH", PATH));

        assertThat(message).isEqualTo("command: npx-missing: not found on the PATH" + EXPECTED);
        assertThat(message).doesNotContain("/opt/secret-tools");
    }

    @Test
    void saysWhenThePathIsNotSet() {
        assertThat(ProcessLauncher.notFound("npx-missing", Map.of()))
                .isEqualTo("command: npx-missing: not found, since the PATH is not set" + EXPECTED);
    }

    @Test
    void namesAPathThatIsNoExecutableFile() {
        assertThat(ProcessLauncher.notFound("./bin/server", Map.of("PATH", PATH)))
                .isEqualTo("command: ./bin/server: no executable file at that path" + EXPECTED);
    }
}
