package dev.switchboard.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./switchboard check} through the real launcher script and the packaged jar. The launcher
 * gets this JVM's JDK as {@code JAVA_HOME} and {@code SWITCHBOARD_NO_BUILD=1}, since Maven has just
 * packaged the jar and a build inside the build would rewrite the classes under the running tests.
 */
class CheckCommandIT {
    @TempDir
    Path dir;

    @Test
    void theLauncherPrintsOneLinePerServerForAValidFile() throws Exception {
        Path file = Files.writeString(dir.resolve("switchboard.yaml"), """
                mcpServers:
                  demo: {command: java, args: ["-jar", "demo.jar"]}
                  remote: {url: "https://example.com/mcp?token=abc", eager: true}
                """);

        Launched run = launch("check", "--config", file.toString());

        assertThat(run.status()).isZero();
        assertThat(run.out())
                .containsExactly(
                        "demo    stdio  shared  lazy   java -jar demo.jar",
                        "remote  http   shared  eager  https://example.com/mcp?***");
        assertThat(run.err()).containsExactly(file + ": valid, 2 servers");
    }

    @Test
    void theLauncherPrintsTheProblemOfAFileThatIsNotYamlWithoutAStackTrace() throws Exception {
        Path file = dir.resolve("garbage.yaml");
        Files.write(file, new byte[] {'{', (byte) 0xc3, (byte) 0x28, 0, '\n'});

        Launched run = launch("check", "--config", file.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .containsExactly(
                        file + ": 1 problem", "  (root): not UTF-8 text (expected: a JSON or YAML file in UTF-8)");
    }

    record Launched(int status, List<String> out, List<String> err) {}

    private Launched launch(String... args) throws IOException, InterruptedException {
        Path launcher = projectRoot().resolve("switchboard");
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(
                        Stream.concat(List.of(launcher.toString()).stream(), List.of(args).stream())
                                .toList())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("SWITCHBOARD_NO_BUILD", "1");
        Process process = builder.start();
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS))
                    .as("the launcher ends within 60 s")
                    .isTrue();
            return new Launched(
                    process.exitValue(),
                    Files.readAllLines(out, StandardCharsets.UTF_8),
                    Files.readAllLines(err, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
        }
    }

    /** The folder holding the launcher: the parent of this module's folder. */
    private static Path projectRoot() {
        Path module = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = module; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("switchboard")) && Files.isRegularFile(p.resolve("mvnw"))) {
                return p;
            }
        }
        throw new IllegalStateException("no launcher above " + module + " (expected: ./switchboard in the project)");
    }
}
