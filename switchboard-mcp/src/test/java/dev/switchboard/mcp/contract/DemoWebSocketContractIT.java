package dev.switchboard.mcp.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.mcp.client.ws.WebSocketClientTransport;
import dev.switchboard.mcp.client.ws.WebSocketOptions;
import dev.switchboard.mcp.demo.DemoOptions;
import dev.switchboard.mcp.demo.DemoServer;
import dev.switchboard.mcp.transport.Transport;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The contract over WebSocket: {@link WebSocketClientTransport} to the demo server behind the
 * test-only {@link WebSocketBridge}.
 */
class DemoWebSocketContractIT extends ClientTransportContract {
    private WebSocketBridge bridge;

    @BeforeAll
    void startServer() throws IOException {
        bridge = new WebSocketBridge(
                DemoServer.create(DemoOptions.of(runtime).withPageSize(DemoHttpServer.PAGE_SIZE)), runtime);
    }

    @AfterAll
    void stopServer() throws IOException {
        bridge.close();
    }

    @Override
    protected Transport newTransport() {
        return new WebSocketClientTransport(runtime, WebSocketOptions.of(bridge.uri()));
    }

    @Override
    protected TargetProfile profile() {
        return TargetProfile.demo(runtime.codec(), DemoHttpServer.PAGE_SIZE);
    }

    @Override
    protected void awaitReleasedByServer(Transport closed) {
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(bridge.openSessions()).isZero());
    }
}
