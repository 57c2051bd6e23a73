package dev.switchboard.mcp.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.mcp.client.http.HttpTransportOptions;
import dev.switchboard.mcp.client.http.SseClientTransport;
import dev.switchboard.mcp.server.http.McpHttpServer;
import dev.switchboard.mcp.transport.Transport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract over the legacy HTTP+SSE transport: {@link SseClientTransport} to the demo server in this JVM. */
class DemoLegacySseContractIT extends ClientTransportContract {
    private McpHttpServer server;

    @BeforeAll
    void startServer() {
        server = DemoHttpServer.start(runtime);
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    @Override
    protected Transport newTransport() {
        return new SseClientTransport(runtime, HttpTransportOptions.of(server.sseEndpoint()));
    }

    @Override
    protected TargetProfile profile() {
        return TargetProfile.demo(runtime.codec(), DemoHttpServer.PAGE_SIZE);
    }

    @Override
    protected void awaitReleasedByServer(Transport closed) {
        // the transport has no goodbye message: the server notices the closed stream at its next keep-alive
        await().atMost(WAIT)
                .untilAsserted(
                        () -> assertThat(server.legacyHandler().sessionCount()).isZero());
    }
}
