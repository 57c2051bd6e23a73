package dev.switchboard.mcp.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.demo.DemoOptions;
import dev.switchboard.mcp.demo.DemoServer;
import dev.switchboard.mcp.server.http.McpHttpServer;
import dev.switchboard.mcp.server.http.McpHttpServerOptions;
import dev.switchboard.mcp.testing.Interop;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The official conformance suite's server scenarios ({@code interop/conformance-server.sh})
 * against the demo server over Streamable HTTP in this JVM. Every check must pass; the results of
 * each run stay in {@code target/conformance-server/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConformanceServerIT {
    /** Longer than the script's own 600 s bound, so that the script reports its timeout itself. */
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(660);

    private static final Pattern SUMMARY = Pattern.compile("conformance: (\\d+) passed, (\\d+) failed");

    private McpRuntime runtime;
    private McpHttpServer server;

    @BeforeAll
    void startServer() {
        runtime = new McpRuntime();
        server =
                new McpHttpServer(DemoServer.create(DemoOptions.of(runtime)), runtime, McpHttpServerOptions.defaults());
        server.start();
    }

    @AfterAll
    void stopServer() {
        server.close();
        runtime.close();
    }

    @Test
    void passesEveryCheckOfTheActiveSuite() throws Exception {
        assertEveryCheckPasses("active");
    }

    @Test
    void passesEveryCheckOfTheWholeSuiteWithThePendingScenarios() throws Exception {
        assertEveryCheckPasses("all", "--suite", "all");
    }

    private void assertEveryCheckPasses(String name, String... suiteArgs) throws Exception {
        // fails with the fix (npm ci) when the suite is not installed, never skips
        Interop.module("@modelcontextprotocol/conformance/dist/index.js");
        Path out = SuiteProcess.freshDirectory(Path.of("target", "conformance-server", name));
        List<String> command = new ArrayList<>(List.of(
                "bash",
                Interop.dir().resolve("conformance-server.sh").toString(),
                server.mcpEndpoint().toString()));
        command.addAll(List.of(suiteArgs));

        SuiteProcess run = SuiteProcess.run(
                command, Interop.dir(), Map.of("CONF_OUT", out.toString()), out.resolve("script.log"), RUN_TIMEOUT);

        List<String> lines = run.output().lines().toList();
        String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        Matcher summary = SUMMARY.matcher(last);
        assertThat(summary.matches())
                .as("last line of the run (expected: conformance: N passed, M failed):\n%s", run.output())
                .isTrue();
        int passed = Integer.parseInt(summary.group(1));
        int failed = Integer.parseInt(summary.group(2));
        System.out.println("conformance server suite " + name + ": " + passed + " passed, " + failed + " failed");
        assertThat(failed)
                .as("failed checks of the %s suite:\n%s", name, run.linesContaining("FAIL"))
                .isZero();
        assertThat(passed).as("passed checks of the %s suite", name).isPositive();
        assertThat(run.exitCode()).as("exit status; output:\n%s", run.output()).isZero();
    }
}
