package dev.switchboard.mcp.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.demo.DemoOptions;
import dev.switchboard.mcp.demo.DemoServer;
import dev.switchboard.mcp.testing.Interop;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The official MCP conformance suite (every server scenario, pending ones included) against the demo
 * server served by {@link McpHttpServer}.
 */
class StreamableHttpConformanceIT {
    private static final Pattern RESULT = Pattern.compile("conformance: (\\d+) passed, (\\d+) failed");

    @Test
    void demoServerOverStreamableHttpPassesTheWholeSuite() throws Exception {
        try (McpRuntime runtime = new McpRuntime();
                McpHttpServer server = new McpHttpServer(
                        DemoServer.create(DemoOptions.of(runtime)), runtime, McpHttpServerOptions.defaults())) {
            server.start();

            String output = run(List.of(
                    "bash",
                    Interop.dir().resolve("conformance-server.sh").toString(),
                    server.mcpEndpoint().toString(),
                    "--suite",
                    "all"));

            Matcher m = RESULT.matcher(output);
            assertThat(m.find()).as(output).isTrue();
            assertThat(Integer.parseInt(m.group(2))).as(output).isZero();
            assertThat(Integer.parseInt(m.group(1))).as(output).isGreaterThanOrEqualTo(40);
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Interop.module("@modelcontextprotocol/conformance/dist/index.js");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<String> output = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                output.complete(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                output.completeExceptionally(e);
            }
        });
        try {
            assertThat(process.waitFor(180, TimeUnit.SECONDS))
                    .as("the suite ended within 180 s")
                    .isTrue();
            return output.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("cannot read the suite's output", e);
        } finally {
            process.destroyForcibly();
        }
    }
}
