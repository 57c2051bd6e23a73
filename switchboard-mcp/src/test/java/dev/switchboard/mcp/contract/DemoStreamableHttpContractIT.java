package dev.switchboard.mcp.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.mcp.client.http.HttpTransportOptions;
import dev.switchboard.mcp.client.http.StreamableHttpClientTransport;
import dev.switchboard.mcp.server.http.McpHttpServer;
import dev.switchboard.mcp.transport.Transport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract over Streamable HTTP: {@link StreamableHttpClientTransport} to the demo server in this JVM. */
class DemoStreamableHttpContractIT extends ClientTransportContract {
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
        return new StreamableHttpClientTransport(runtime, HttpTransportOptions.of(server.mcpEndpoint()));
    }

    @Override
    protected TargetProfile profile() {
        return TargetProfile.demo(runtime.codec(), DemoHttpServer.PAGE_SIZE);
    }

    @Override
    protected void awaitReleasedByServer(Transport closed) {
        // close() sends DELETE: every session of this class's tests is gone once it returned
        await().atMost(WAIT)
                .untilAsserted(() ->
                        assertThat(server.streamableHandler().sessionCount()).isZero());
    }
}
