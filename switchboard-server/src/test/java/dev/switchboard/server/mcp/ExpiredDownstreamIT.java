package dev.switchboard.server.mcp;

import static dev.switchboard.server.mcp.AggregateViewIT.args;
import static dev.switchboard.server.mcp.AggregateViewIT.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.client.McpClient;
import dev.switchboard.mcp.demo.DemoServer;
import dev.switchboard.mcp.server.http.McpHttpServer;
import dev.switchboard.mcp.server.http.McpHttpServerOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A downstream HTTP server restarts (it forgets every session) while upstream sessions live on:
 * their next calls re-initialize the downstream session, and the clients never notice.
 */
class ExpiredDownstreamIT {
    private final McpRuntime demoRuntime = new McpRuntime();
    private McpHttpServer remote;
    private TestGateway gateway;

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        remote.close();
        demoRuntime.close();
    }

    @Test
    void reinitializesTheSharedAndThePerSessionDownstreamsInsideLiveUpstreamSessions() {
        remote = DemoServer.startHttp(
                demoRuntime, McpHttpServerOptions.defaults().withPort(0));
        int port = remote.base().getPort();
        gateway = TestGateway.start(Configs.file(
                "",
                Configs.http("shared", remote.mcpEndpoint()),
                Configs.http("owned", remote.mcpEndpoint(), "sessionMode: per-session")));
        McpClient client = gateway.connect("/mcp", null);
        assertThat(text(client.callTool("shared__echo", args("message", "before"))))
                .contains("before");
        assertThat(text(client.callTool("owned__echo", args("message", "before"))))
                .contains("before");

        remote.close();
        remote = DemoServer.startHttp(
                demoRuntime, McpHttpServerOptions.defaults().withPort(port));

        assertThat(text(client.callTool("shared__echo", args("message", "after"))))
                .contains("after");
        assertThat(text(client.callTool("owned__echo", args("message", "after"))))
                .contains("after");
        assertThat(text(client.callTool("shared__echo", args("message", "again"))))
                .contains("again");
    }
}
