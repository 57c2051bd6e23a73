package dev.switchboard.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.demo.DemoServer;
import dev.switchboard.mcp.server.http.McpHttpServer;
import dev.switchboard.mcp.server.http.McpHttpServerOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The official conformance suite's server scenarios ({@code interop/conformance-server.sh}, the
 * active suite and the whole one with {@code --suite all}) against {@code /mcp/servers/demo}, with
 * the demo server behind the gateway (shared, the gateway's default) over stdio and over Streamable
 * HTTP. Every check must pass; each run's results
 * stay in {@code target/conformance-views/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConformanceViewsIT {
    /** Longer than the script's own 600 s bound, so that the script reports its timeout itself. */
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(660);

    private static final Pattern SUMMARY = Pattern.compile("conformance: (\\d+) passed, (\\d+) failed");

    private final McpRuntime demoRuntime = new McpRuntime();
    private McpHttpServer remote;
    private TestGateway overStdio;
    private TestGateway overHttp;

    @BeforeAll
    void start() {
        remote = DemoServer.startHttp(
                demoRuntime, McpHttpServerOptions.defaults().withPort(0));
        overStdio = TestGateway.start(Configs.file("", Configs.demoStdio("demo", "eager: true")));
        overHttp = TestGateway.start(Configs.file("", Configs.http("demo", remote.mcpEndpoint(), "eager: true")));
    }

    @AfterAll
    void stop() {
        overStdio.close();
        overHttp.close();
        remote.close();
        demoRuntime.close();
    }

    @Test
    void passesEveryCheckWithTheDemoServerBehindTheGatewayOverStdio() throws Exception {
        assertEveryCheckPasses(overStdio, "stdio", "active");
    }

    @Test
    void passesEveryCheckOfTheWholeSuiteWithTheDemoServerBehindTheGatewayOverStdio() throws Exception {
        assertEveryCheckPasses(overStdio, "stdio", "all", "--suite", "all");
    }

    @Test
    void passesEveryCheckWithTheDemoServerBehindTheGatewayOverStreamableHttp() throws Exception {
        assertEveryCheckPasses(overHttp, "http", "active");
    }

    @Test
    void passesEveryCheckOfTheWholeSuiteWithTheDemoServerBehindTheGatewayOverStreamableHttp() throws Exception {
        assertEveryCheckPasses(overHttp, "http", "all", "--suite", "all");
    }

    private static void assertEveryCheckPasses(TestGateway gateway, String transport, String suite, String... args)
            throws Exception {
        Path interop = Configs.interopDir();
        if (!Files.exists(interop.resolve("node_modules/@modelcontextprotocol/conformance/dist/index.js"))) {
            throw new IllegalStateException("the conformance suite is missing: run `npm ci` in " + interop);
        }
        Path out = freshDirectory(Path.of("target", "conformance-views", transport + "-" + suite));
        List<String> command = new ArrayList<>(List.of(
                "bash",
                interop.resolve("conformance-server.sh").toString(),
                gateway.uri("/mcp/servers/demo").toString()));
        command.addAll(List.of(args));
        Path log = out.resolve("script.log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(interop.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("CONF_OUT", out.toString());
        Process process = builder.start();
        String output;
        try {
            assertThat(process.waitFor(RUN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
                    .as("the suite ends within %s", RUN_TIMEOUT)
                    .isTrue();
            output = Files.readString(log, StandardCharsets.UTF_8);
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        List<String> lines = output.lines().toList();
        String last = lines.isEmpty() ? "" : lines.getLast();
        Matcher summary = SUMMARY.matcher(last);
        assertThat(summary.matches()).as("last line of the run:\n%s", output).isTrue();
        int passed = Integer.parseInt(summary.group(1));
        int failed = Integer.parseInt(summary.group(2));
        System.out.println("conformance (suite " + suite + ") via /mcp/servers/demo over " + transport + ": " + passed
                + " passed, " + failed + " failed");
        assertThat(failed)
                .as(
                        "failed checks:\n%s",
                        String.join(
                                "\n",
                                lines.stream().filter(l -> l.contains("FAIL")).toList()))
                .isZero();
        assertThat(passed).isPositive();
        assertThat(process.exitValue()).as("exit status; output:\n%s", output).isZero();
    }

    private static Path freshDirectory(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir).toAbsolutePath();
    }
}
