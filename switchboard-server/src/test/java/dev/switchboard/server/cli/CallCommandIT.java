package dev.switchboard.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code switchboard call} against the demo server over stdio: in this JVM, and once as a process. */
class CallCommandIT {
    @TempDir
    Path dir;

    @Test
    void printsTheResultAsPrettyJsonAndExitsWithZero() throws Exception {
        Path file = new DemoConfigs().demo("demo", "30s").write(dir);

        Cli.Run run =
                Cli.run("call", "--config", file.toString(), "demo", "echo", "--args", "{\"message\": \"héllo\"}");

        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("""
                        {
                          "content": [
                            {
                              "type": "text",
                              "text": "héllo"
                            }
                          ]
                        }
                        """);
    }

    @Test
    void printsAToolErrorResultAndExitsWithOne() throws Exception {
        Path file = new DemoConfigs().demo("demo", "30s").write(dir);

        Cli.Run run = Cli.run("call", "-c", file.toString(), "demo", "test_error_handling");

        assertThat(run.status()).isEqualTo(1);
        assertThat(JsonMapper.shared().readTree(run.out()).path("isError").asBoolean())
                .isTrue();
        assertThat(run.errLines())
                .containsExactly(
                        "call: demo/test_error_handling: the tool reported an error (isError: true; the result is above)");
    }

    @Test
    void namesAToolTheServerDoesNotOffer() throws Exception {
        Path file = new DemoConfigs().demo("demo", "30s").write(dir);

        Cli.Run run = Cli.run("call", "--config", file.toString(), "demo", "ech0");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines())
                .containsExactly(
                        "call: tool: \"ech0\" (expected: a tool of server demo; list them with: switchboard tools"
                                + " --config " + file + " --server demo)");
    }

    @Test
    void reportsACallThatTimesOut() throws Exception {
        Path file = new DemoConfigs().demo("demo", "300ms").write(dir);

        Cli.Run run = Cli.run("call", "--config", file.toString(), "demo", "slow", "--args", "{\"ms\": 20000}");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .startsWith("call: demo/slow: ")
                .contains("300 ms");
    }

    @Test
    void reportsAServerThatIsDown() throws Exception {
        Path file = new DemoConfigs().missingCommand("broken").write(dir);

        Cli.Run run = Cli.run("call", "--config", file.toString(), "broken", "echo");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .startsWith("call: server broken is down (failed, process-start: ")
                .contains("/nonexistent/switchboard-test-server");
    }

    @Test
    void writesOnlyTheResultToStandardOutputWhenLoggingVerbosely() throws Exception {
        Path file = new DemoConfigs().demo("demo", "30s").write(dir);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(List.of(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        SwitchboardCommand.class.getName(),
                        "call",
                        "--verbose",
                        "--config",
                        file.toString(),
                        "demo",
                        "add",
                        "--args",
                        "{\"a\": 2, \"b\": 3}"))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            process.destroyForcibly();
        }

        assertThat(process.exitValue()).isZero();
        JsonNode result = JsonMapper.shared().readTree(Files.readString(out, StandardCharsets.UTF_8));
        assertThat(result.path("structuredContent").path("sum").asInt()).isEqualTo(5);
        assertThat(Files.readString(err, StandardCharsets.UTF_8)).contains(" INFO ");
    }
}
