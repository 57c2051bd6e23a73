package dev.switchboard.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CheckCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsOneLinePerServerAndExitsWithZeroForAValidFile() throws IOException {
        Path file = write("switchboard.yaml", """
                mcpServers:
                  github:
                    command: npx
                    args: ["-y", "@modelcontextprotocol/server-github"]
                    env: {GITHUB_PERSONAL_ACCESS_TOKEN: "${GITHUB_TOKEN}"}
                  linear:
                    url: https://mcp.linear.app/mcp
                    headers: {Authorization: "Bearer ${GITHUB_TOKEN}"}
                    sessionMode: per-identity
                    eager: true
                servers:
                  legacy:
                    type: sse
                    url: http://127.0.0.1:9000/sse
                    enabled: false
                  sock:
                    type: websocket
                    url: ws://127.0.0.1:9001/mcp
                    sessionMode: per-session
                """);

        Cli.Run run = Cli.run(Map.of("GITHUB_TOKEN", "ghp_secret_value"), "check", "--config", file.toString());

        assertThat(run.status()).isZero();
        assertThat(run.outLines())
                .containsExactly(
                        "github  stdio      shared        lazy      npx -y @modelcontextprotocol/server-github",
                        "linear  http       per-identity  eager     https://mcp.linear.app/mcp",
                        "legacy  sse        shared        disabled  http://127.0.0.1:9000/sse",
                        "sock    websocket  per-session   lazy      ws://127.0.0.1:9001/mcp");
        assertThat(run.err()).isEqualTo(file + ": valid, 4 servers\n");
        assertThat(run.out() + run.err()).doesNotContain("ghp_secret_value");
    }

    @Test
    void masksSecretsInTheCommandLineAndTheUrl() throws IOException {
        Path file = write("secrets.json", """
                {"mcpServers": {
                  "tool": {"command": "/opt/tool", "args": ["--api-key=${API_KEY}", "--name", "my tool"]},
                  "remote": {"url": "https://user:pw@example.com/mcp?key=${API_KEY}#frag"},
                  "path": {"url": "https://example.com/${API_KEY}/mcp"}
                }}
                """);

        Cli.Run run = Cli.run(Map.of("API_KEY", "k-123456789"), "check", "-c", file.toString());

        assertThat(run.status()).isZero();
        assertThat(run.outLines())
                .containsExactly(
                        "tool    stdio  shared  lazy  /opt/tool --api-key=*** --name 'my tool'",
                        "remote  http   shared  lazy  https://***@example.com/mcp?***",
                        "path    http   shared  lazy  https://example.com/***/mcp");
    }

    @Test
    void printsNothingOnStandardOutputForAValidFileWithoutServers() throws IOException {
        Path file = write("none.json", "{\"mcpServers\": {}}");

        Cli.Run run = Cli.run("check", "--config", file.toString());

        assertThat(run.status()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo(file + ": valid, 0 servers\n");
    }

    /** A bad file: its name, its bytes, and every line expected after the {@code FILE: N problems} line. */
    static Stream<Arguments> badFiles() {
        return Stream.of(
                bad("empty.yaml", "", "(root): an empty file (expected: a YAML object such as {\"mcpServers\": {}})"),
                bad(
                        "blank.json",
                        "  \n",
                        "(root): an empty file (expected: a JSON object such as {\"mcpServers\": {}})"),
                bad(
                        "binary.bin",
                        new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0x80},
                        "(root): not UTF-8 text (expected: a JSON or YAML file in UTF-8)"),
                bad(
                        "controls.yaml",
                        "\0\1\2abc",
                        "(root): line 1, column 1: special characters are not allowed (expected: valid YAML)"),
                bad(
                        "words.txt",
                        "hello world\n",
                        "(root): \"hello world\" (expected: an object with \"mcpServers\", \"servers\" or \"gateway\")"
                                + " (line 1, column 1)"),
                bad(
                        "list.yaml",
                        "- 1\n- 2\n",
                        "(root): [...] (expected: an object with \"mcpServers\", \"servers\" or \"gateway\")"
                                + " (line 1, column 1)"),
                bad(
                        "broken.json",
                        "{\"mcpServers\": }",
                        "(root): line 1, column 16: Unexpected character ('}' (code 125)): expected a value"
                                + " (expected: valid JSON)"),
                bad(
                        "broken.yaml",
                        "mcpServers:\n  a:\n    command: x\n   url: y\n",
                        "(root): line 4, column 4: while parsing a block mapping; expected <block end>, but found"
                                + " '<block mapping start>' (expected: valid YAML)"),
                bad(
                        "invalid.yaml",
                        """
                        mcpServers:
                          a: {url: "ftp://x"}
                          b: {url: "https://h/mcp", headers: {Authorization: "Bearer ${NOPE}"}}
                          c: {command: x, timeouts: {call: 0s}}
                          d: {comand: x}
                        gatway: {}
                        """,
                        "mcpServers.a.url: \"ftp://x\" (expected: an http or https URL) (line 2, column 12)",
                        "mcpServers.b.headers.Authorization: environment variable NOPE is not set (expected: NOPE set,"
                                + " or a default as in ${NOPE:-value}) (line 3, column 54)",
                        "mcpServers.c.timeouts.call: \"0s\" (expected: a positive duration such as \"30s\", \"500ms\","
                                + " \"2m\", \"1h\", \"PT30S\" or a number of milliseconds) (line 4, column 36)",
                        "mcpServers.d: neither \"command\" nor \"url\" (expected: \"command\" for a stdio server or"
                                + " \"url\" for a remote one) (line 5, column 6)",
                        "mcpServers.d.comand: unknown key (did you mean \"command\"?) (line 5, column 15)",
                        "gatway: unknown key (did you mean \"gateway\"?) (line 6, column 9)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void printsEveryProblemOfABadFileAndExitsWithOne(String name, byte[] content, List<String> problems)
            throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);

        Cli.Run run = Cli.run("check", "--config", file.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        String header = file + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems");
        assertThat(run.errLines())
                .containsExactlyElementsOf(
                        Stream.concat(Stream.of(header), problems.stream().map(p -> "  " + p))
                                .toList());
    }

    @Test
    void reportsAMissingFileInOneLineWithoutAStackTrace() {
        Path file = dir.resolve("missing.yaml");

        Cli.Run run = Cli.run("check", "--config", file.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.errLines())
                .containsExactly(
                        file + ": 1 problem", "  (root): no such file (expected: a JSON or YAML configuration file)");
    }

    @Test
    void reportsADirectoryInOneLine() {
        Cli.Run run = Cli.run("check", "--config", dir.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.errLines())
                .containsExactly(
                        dir + ": 1 problem", "  (root): a directory (expected: a JSON or YAML configuration file)");
    }

    @Test
    void neverShowsTheValueOfASecretInAnError() throws IOException {
        Path file = write("secret.json", """
                {"mcpServers": {"a": {"url": "https://h/mcp", "headers": {"X-Key": "${KEY}"}, "tiemouts": {}}}}
                """);

        Cli.Run run = Cli.run(Map.of("KEY", "very-secret-key"), "check", "--config", file.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("tiemouts").doesNotContain("very-secret-key");
    }

    @Test
    void asksForTheConfigOptionWithStatusTwo() {
        Cli.Run run = Cli.run("check");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("Missing required option: '--config=FILE'");
    }

    private static Arguments bad(String name, String content, String... problems) {
        return bad(name, content.getBytes(StandardCharsets.UTF_8), problems);
    }

    private static Arguments bad(String name, byte[] content, String... problems) {
        return Arguments.of(name, content, List.of(problems));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
