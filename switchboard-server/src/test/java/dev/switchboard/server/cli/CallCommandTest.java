package dev.switchboard.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The failures of {@code call}, {@code tools} and {@code servers} found before connecting to anything. */
class CallCommandTest {
    @TempDir
    Path dir;

    private Path file;

    @BeforeEach
    void writeConfig() throws IOException {
        file = Files.writeString(dir.resolve("switchboard.yaml"), """
                mcpServers:
                  demo: {command: /nonexistent/never-started}
                  off: {url: "http://127.0.0.1:9/mcp", enabled: false}
                """);
    }

    static Stream<Arguments> badArguments() {
        String expected = " (expected: a JSON object, such as {\"message\": \"hi\"})";
        return Stream.of(
                Arguments.of("[1, 2]", "call: --args: [1,2]" + expected),
                Arguments.of("\"text\"", "call: --args: \"text\"" + expected),
                Arguments.of("42", "call: --args: 42" + expected),
                Arguments.of("", "call: --args: (nothing)" + expected),
                Arguments.of(
                        "{\"a\": ",
                        "call: --args: not JSON at column 7: Unexpected end-of-input within/between Object entries"
                                + expected),
                Arguments.of(
                        "{message: hi}",
                        "call: --args: not JSON at column 2: Unexpected character ('m' (code 109)): was expecting"
                                + " double-quote to start property name" + expected),
                Arguments.of("{} {}", "call: --args: not JSON at column 4: more after the first value" + expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badArguments")
    void rejectsArgumentsThatAreNotOneJsonObjectInOneLine(String args, String message) {
        Cli.Run run = Cli.run("call", "--config", file.toString(), "demo", "echo", "--args", args);

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(message);
    }

    @Test
    void namesTheConfiguredServersForAnUnknownOne() {
        Cli.Run run = Cli.run("call", "--config", file.toString(), "dmeo", "echo");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("call: server: \"dmeo\" (expected: one of \"demo\", \"off\")");
    }

    @Test
    void refusesADisabledServer() {
        Cli.Run run = Cli.run("call", "--config", file.toString(), "off", "echo");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.errLines())
                .containsExactly("call: server: \"off\" is disabled (expected: an enabled server; set \"enabled: true\""
                        + " in the configuration)");
    }

    @Test
    void toolsNamesTheConfiguredServersForAnUnknownOne() {
        Cli.Run run = Cli.run("tools", "--config", file.toString(), "--server", "nope");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly("tools: server: \"nope\" (expected: one of \"demo\", \"off\")");
    }

    @Test
    void everyConnectingCommandPrintsTheProblemsOfAnInvalidConfiguration() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"mcpServers\": {\"a\": {\"url\": \"ftp://x\"}}}");
        String[][] commands = {
            {"servers", "--config", bad.toString()},
            {"tools", "--config", bad.toString()},
            {"call", "--config", bad.toString(), "a", "echo"}
        };
        for (String[] command : commands) {
            Cli.Run run = Cli.run(command);

            assertThat(run.status()).as(command[0]).isEqualTo(1);
            assertThat(run.out()).as(command[0]).isEmpty();
            assertThat(run.errLines())
                    .as(command[0])
                    .containsExactly(
                            bad + ": 1 problem",
                            "  mcpServers.a.url: \"ftp://x\" (expected: an http or https URL) (line 1, column 30)");
        }
    }

    @Test
    void reportsAMissingConfigurationFileWithoutAStackTrace() {
        Cli.Run run = Cli.run("call", "--config", dir.resolve("nope.yaml").toString(), "demo", "echo");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.errLines())
                .containsExactly(
                        dir.resolve("nope.yaml") + ": 1 problem",
                        "  (root): no such file (expected: a JSON or YAML configuration file)");
    }

    @Test
    void asksForTheServerOrANameWithStatusTwo() {
        Cli.Run run = Cli.run("call", "--config", file.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("Missing required parameter: 'SERVER'");
    }
}
