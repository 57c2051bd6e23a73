package dev.switchboard.mcp.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.mcp.testing.Interop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The official conformance suite's client scenarios, with {@link ConformanceClient} (Switchboard's
 * Streamable HTTP client transport) as the client under test. The suite starts a scenario server,
 * runs the client against it and grades what the client did; a scenario passes only with every
 * check passed, no warning, and the client's exit status 0. Results stay in {@code
 * target/conformance-client/}.
 */
class ConformanceClientIT {
    /** The suite gives the client 30 s; this bounds the suite itself. */
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);

    private static final Pattern SUMMARY = Pattern.compile("Passed: (\\d+)/(\\d+), (\\d+) failed, (\\d+) warnings");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"initialize", "tools_call", "sse-retry", "elicitation-sep1034-client-defaults"})
    void passesTheScenario(String scenario, @TempDir Path temp) throws Exception {
        Path suite = Interop.module("@modelcontextprotocol/conformance/dist/index.js");
        Path out = SuiteProcess.freshDirectory(Path.of("target", "conformance-client", scenario));
        List<String> command = List.of(
                "node",
                "--import",
                Interop.dir().resolve("shim/register.mjs").toString(),
                suite.toString(),
                "client",
                "--command",
                launcher(temp).toString(),
                "--scenario",
                scenario,
                "-o",
                out.toString());

        SuiteProcess run = SuiteProcess.run(command, Interop.dir(), Map.of(), out.resolve("suite.log"), RUN_TIMEOUT);

        Matcher summary = SUMMARY.matcher(run.output());
        assertThat(summary.find()).as("summary line in:\n%s", run.output()).isTrue();
        int passed = Integer.parseInt(summary.group(1));
        int total = Integer.parseInt(summary.group(2));
        System.out.println("conformance client scenario " + scenario + ": " + summary.group());
        assertThat(run.output()).as("the suite's report").contains("OVERALL: PASSED");
        assertThat(summary.group(3) + " failed, " + summary.group(4) + " warnings")
                .as("the suite's report:\n%s", run.output())
                .isEqualTo("0 failed, 0 warnings");
        assertThat(passed).isEqualTo(total).isPositive();
        assertThat(run.exitCode()).as("the suite's exit status").isZero();
    }

    /**
     * A script that runs {@link ConformanceClient} with this JVM's java and class path. The suite
     * splits its {@code --command} on spaces, so the command it gets must be one word: this path.
     */
    private static Path launcher(Path dir) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String script = "#!/bin/sh\nexec " + quote(java)
                + " -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "
                + quote(System.getProperty("java.class.path")) + " " + ConformanceClient.class.getName()
                + " \"$@\"\n";
        Path launcher = dir.resolve("conformance-client.sh");
        Files.writeString(launcher, script);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
        assertThat(launcher.toString())
                .as("launcher path, split on spaces by the suite")
                .doesNotContain(" ");
        return launcher;
    }

    /** {@code s} in single quotes for sh. */
    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
