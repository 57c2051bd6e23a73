package dev.switchboard.mcp.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.demo.DemoOptions;
import dev.switchboard.mcp.demo.DemoServer;
import dev.switchboard.mcp.server.http.McpHttpServer;
import dev.switchboard.mcp.server.http.McpHttpServerOptions;
import dev.switchboard.mcp.testing.Interop;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The official TypeScript SDK's client ({@code interop/ts-client.mjs}) against our demo server,
 * over Streamable HTTP ({@link McpHttpServer} in this JVM) and over stdio (the script spawns the
 * demo server as a child JVM). The script prints one JSON line of what it saw.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TypeScriptSdkInteropIT {
    /** The script's own bound; the test waits a little longer for it to report. */
    private static final int SCRIPT_TIMEOUT_MS = 60_000;

    private final McpRuntime runtime = new McpRuntime();
    private final McpHttpServer server =
            new McpHttpServer(DemoServer.create(DemoOptions.of(runtime)), runtime, McpHttpServerOptions.defaults());

    @TempDir
    Path output;

    @BeforeAll
    void start() {
        Interop.module("@modelcontextprotocol/sdk/package.json");
        server.start();
    }

    @AfterAll
    void stop() {
        server.close();
        runtime.close();
    }

    @Test
    void typeScriptClientUsesTheDemoServerOverStreamableHttp() throws Exception {
        JsonNode result = runScript("--url", server.mcpEndpoint().toString());

        assertExercised(result);
        assertThat(result.path("protocolVersion").asString()).isEqualTo("2025-11-25");
        assertThat(result.path("sessionTerminated").asBoolean()).isTrue();
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> server.streamableHandler().sessionCount() == 0);
    }

    @Test
    void typeScriptClientUsesTheDemoServerOverStdio() throws Exception {
        List<String> args = new ArrayList<>(List.of("--"));
        args.addAll(Interop.java(DemoServer.class));

        JsonNode result = runScript(args.toArray(String[]::new));

        assertExercised(result);
    }

    private static void assertExercised(JsonNode result) {
        assertThat(result.path("ok").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.path("serverInfo").path("name").asString()).isEqualTo(DemoServer.NAME);
        assertThat(result.path("capabilities").toString()).contains("tools", "resources", "prompts");
        assertThat(result.path("tools").toString()).contains("\"echo\"", "\"add\"", "\"test_sampling\"");
        assertThat(result.path("echo").asString()).isEqualTo("hello from TypeScript");
        assertThat(result.path("add").path("text").asString()).isEqualTo("42");
        assertThat(result.path("add").path("structuredContent").path("sum").asInt())
                .isEqualTo(42);
        assertThat(result.path("sampling").asString())
                .isEqualTo("LLM response: a canned reply from the TypeScript SDK client");
        assertThat(result.path("samplingRequests").asInt()).isEqualTo(1);
        // The TypeScript SDK handles a progress notification read together with the response after
        // it, and then reports it as late (see ts-client.mjs); over stdio that happens to the last one.
        List<Integer> progress = new ArrayList<>();
        result.path("progress").forEach(p -> progress.add(p.asInt()));
        result.path("lateProgress").forEach(p -> progress.add(p.asInt()));
        assertThat(progress).containsExactly(0, 50, 100);
        assertThat(result.path("clientErrors").isEmpty()).as(result.toString()).isTrue();
        assertThat(result.path("resources").toString()).contains("test://static-text");
        assertThat(result.path("firstResource").path("text").asString()).isNotBlank();
        assertThat(result.path("prompts").toString()).contains("test_simple_prompt", "test_prompt_with_arguments");
    }

    /** Runs the script, waits for it (bounded), and parses the JSON line it printed. */
    private JsonNode runScript(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(Interop.node(
                Interop.dir().resolve("ts-client.mjs"), "--timeout-ms", Integer.toString(SCRIPT_TIMEOUT_MS)));
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile(output, "ts-client", ".out");
        Path stderr = Files.createTempFile(output, "ts-client", ".err");
        Process process = new ProcessBuilder(command)
                .directory(Interop.dir().toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        try {
            boolean exited = process.waitFor(SCRIPT_TIMEOUT_MS + 15_000L, TimeUnit.MILLISECONDS);
            String err = Files.readString(stderr, StandardCharsets.UTF_8);
            assertThat(exited).as("ts-client.mjs exited; stderr:%n%s", err).isTrue();
            List<String> lines = Files.readAllLines(stdout, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank())
                    .toList();
            assertThat(lines).as("ts-client.mjs stdout; stderr:%n%s", err).hasSize(1);
            assertThat(process.exitValue())
                    .as("exit status; output:%n%s%nstderr:%n%s", lines, err)
                    .isZero();
            return runtime.codec().mapper().readTree(lines.get(0));
        } finally {
            stopTree(process);
        }
    }

    /** Ends what is left of the script and its children, by PID. */
    private static void stopTree(Process process) {
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
