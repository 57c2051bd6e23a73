package dev.switchboard.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.demo.DemoOptions;
import dev.switchboard.mcp.demo.DemoServer;
import dev.switchboard.mcp.server.http.McpHttpServer;
import dev.switchboard.mcp.server.http.McpHttpServerOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code switchboard call NAME}: routed as the gateway routes, with two servers that offer the same tools. */
class CallRoutedIT {
    @TempDir
    Path dir;

    private final McpRuntime runtime = new McpRuntime();
    private McpHttpServer demo;
    private Path file;

    @BeforeEach
    void start() throws Exception {
        demo = new McpHttpServer(
                DemoServer.create(DemoOptions.of(runtime)),
                runtime,
                McpHttpServerOptions.defaults().withPort(0));
        demo.start();
        file = new DemoConfigs()
                .remote("a", demo.mcpEndpoint())
                .remote("b", demo.mcpEndpoint())
                .write(dir);
    }

    @AfterEach
    void stop() {
        demo.close();
        runtime.close();
    }

    @Test
    void refusesABareNameThatTwoServersOfferNamingBoth() {
        Cli.Run run = Cli.run("call", "--config", file.toString(), "echo", "--args", "{\"message\": \"x\"}");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines())
                .containsExactly("call: ambiguous: echo matches a__echo, b__echo (expected: one of these full names)");
    }

    @Test
    void callsAToolByItsExposedName() {
        Cli.Run run = Cli.run("call", "--config", file.toString(), "b__echo", "--args", "{\"message\": \"routed\"}");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("\"text\": \"routed\"");
    }

    @Test
    void namesHowToListTheToolsForAnUnknownName() {
        Cli.Run run = Cli.run("call", "--config", file.toString(), "nothing");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .startsWith("call: tool: \"nothing\" (expected: an exposed name such as demo__echo")
                .endsWith("list them with: switchboard tools --config " + file + ")");
    }
}
