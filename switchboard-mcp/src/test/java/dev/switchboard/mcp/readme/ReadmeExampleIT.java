package dev.switchboard.mcp.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.client.ClientOptions;
import dev.switchboard.mcp.client.McpClient;
import dev.switchboard.mcp.client.stdio.StdioClientTransport;
import dev.switchboard.mcp.client.stdio.StdioServerParameters;
import dev.switchboard.mcp.demo.DemoServer;
import dev.switchboard.mcp.testing.Interop;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The README's library example, kept compiling and working. */
class ReadmeExampleIT {
    @Test
    void theReadmeExampleCallsTheDemoServer() {
        List<String> cmd = Interop.java(DemoServer.class);
        // --- README example starts here (the command differs) ---
        try (McpRuntime runtime = new McpRuntime()) {
            StdioServerParameters demo = StdioServerParameters.builder(cmd.get(0))
                    .args(cmd.subList(1, cmd.size()))
                    .build();
            try (McpClient client = McpClient.connect(
                    new StdioClientTransport("demo", demo, runtime), ClientOptions.of(runtime, "demo"))) {
                ObjectNode args = runtime.codec().object().put("message", "hello");
                JsonNode result = client.callTool("echo", args);
                // --- README example ends here ---
                assertThat(client.protocolVersion().wire()).isEqualTo("2025-11-25");
                assertThat(client.listAllTools())
                        .extracting(t -> t.path("name").asString())
                        .contains("echo");
                assertThat(result.path("content").path(0).path("text").asString())
                        .contains("hello");
            }
        }
    }
}
