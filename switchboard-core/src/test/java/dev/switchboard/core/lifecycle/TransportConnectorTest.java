package dev.switchboard.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.config.RemoteServerConfig;
import dev.switchboard.core.config.RemoteTransport;
import dev.switchboard.core.config.StdioServerConfig;
import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import dev.switchboard.mcp.transport.TransportException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TransportConnectorTest {
    private final McpRuntime runtime = new McpRuntime();
    private final ServerConnector connector = ServerConnector.create(runtime);

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    void aStartedProcessThatFailsTheHandshakeFailsInInitialize() {
        TransportException exited = new TransportException("process exited with code 3");
        JsonRpcException refused = new JsonRpcException(JsonRpcError.INVALID_REQUEST, "no");

        assertThat(TransportConnector.handshakePhase(false, ErrorPhase.PROCESS_START, exited))
                .isEqualTo(ErrorPhase.PROCESS_START);
        assertThat(TransportConnector.handshakePhase(true, ErrorPhase.PROCESS_START, exited))
                .isEqualTo(ErrorPhase.INITIALIZE);
        assertThat(TransportConnector.handshakePhase(true, ErrorPhase.PROCESS_START, refused))
                .isEqualTo(ErrorPhase.INITIALIZE);
    }

    @Test
    void aRemoteHandshakeThatCannotReachTheServerFailsInTransportConnect() {
        TransportException refusedConnection = new TransportException("connection refused");
        JsonRpcException answered = new JsonRpcException(JsonRpcError.INVALID_REQUEST, "no");

        assertThat(TransportConnector.handshakePhase(true, ErrorPhase.TRANSPORT_CONNECT, refusedConnection))
                .isEqualTo(ErrorPhase.TRANSPORT_CONNECT);
        assertThat(TransportConnector.handshakePhase(true, ErrorPhase.TRANSPORT_CONNECT, answered))
                .isEqualTo(ErrorPhase.INITIALIZE);
    }

    @Test
    void headerTheTransportSetsItselfIsAConfigError() {
        RemoteServerConfig config = new RemoteServerConfig(
                "api",
                URI.create("http://127.0.0.1:9/mcp"),
                RemoteTransport.HTTP,
                Map.of("Mcp-Session-Id", "x"),
                TestServers.settings(true, false, TestServers.FAST));

        assertThatThrownBy(() -> connector.connect(config)).isInstanceOfSatisfying(ServerConnectException.class, e -> {
            assertThat(e.phase()).isEqualTo(ErrorPhase.CONFIG);
            assertThat(e.getMessage())
                    .isEqualTo("server api: headers: Mcp-Session-Id (expected: a header the transport does"
                            + " not set itself)");
        });
    }

    @Test
    void webSocketServerWithAnHttpUrlIsAConfigError() {
        RemoteServerConfig config = new RemoteServerConfig(
                "ws",
                URI.create("http://127.0.0.1:9/mcp"),
                RemoteTransport.WEBSOCKET,
                Map.of(),
                TestServers.settings(true, false, TestServers.FAST));

        assertThatThrownBy(() -> connector.connect(config))
                .isInstanceOfSatisfying(
                        ServerConnectException.class, e -> assertThat(e.phase()).isEqualTo(ErrorPhase.CONFIG));
    }

    @Test
    void environmentVariableWithAnEqualsSignIsAConfigError() {
        StdioServerConfig config = new StdioServerConfig(
                "bad-env",
                "sh",
                List.of(),
                Map.of("A=B", "c"),
                null,
                false,
                TestServers.settings(true, false, TestServers.FAST));

        assertThatThrownBy(() -> connector.connect(config))
                .isInstanceOfSatisfying(
                        ServerConnectException.class, e -> assertThat(e.phase()).isEqualTo(ErrorPhase.CONFIG));
    }
}
