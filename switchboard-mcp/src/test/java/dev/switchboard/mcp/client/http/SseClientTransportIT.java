package dev.switchboard.mcp.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.client.ClientOptions;
import dev.switchboard.mcp.client.McpClient;
import dev.switchboard.mcp.protocol.ProtocolVersion;
import dev.switchboard.mcp.transport.TransportException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class SseClientTransportIT {
    private McpRuntime runtime;
    private ScriptedSseServer server;

    @BeforeEach
    void start() throws Exception {
        runtime = new McpRuntime();
        server = new ScriptedSseServer();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        runtime.close();
    }

    private SseClientTransport transport() {
        return new SseClientTransport(
                runtime,
                HttpTransportOptions.builder(server.sseUri())
                        .connectTimeout(Duration.ofSeconds(5))
                        .build());
    }

    private McpClient connect(SseClientTransport transport) {
        return McpClient.connect(
                transport, ClientOptions.of(runtime, "legacy").withProtocolVersion(ProtocolVersion.V2024_11_05));
    }

    @Test
    void postsToTheEndpointOfTheEndpointEventAndReadsAnswersFromTheStream() {
        try (McpClient client = connect(transport())) {
            ObjectNode args = runtime.codec().object().put("text", "legacy hello");

            String text = client.callTool("echo", args)
                    .path("content")
                    .path(0)
                    .path("text")
                    .asString();

            assertThat(text).isEqualTo("legacy hello");
            assertThat(client.protocolVersion()).isEqualTo(ProtocolVersion.V2024_11_05);
            assertThat(server.postTargets()).isNotEmpty().allMatch(t -> t.equals("/messages?sessionId=abc"));
        }
    }

    @Test
    void rejectsAnEndpointOnAnotherHost() {
        server.endpointData = "http://127.0.0.2:" + server.port() + "/messages";

        assertThatThrownBy(() -> connect(transport()))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("endpoint: http://127.0.0.2:" + server.port() + "/messages")
                .hasMessageContaining("expected: the same scheme, host and port as the event stream");
        assertThat(server.postTargets()).isEmpty();
    }

    @Test
    void rejectsAnEndpointOnAnotherPortOrScheme() {
        server.endpointData = "https://127.0.0.1:" + server.port() + "/messages";

        assertThatThrownBy(() -> connect(transport()))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("expected: the same scheme, host and port");
    }

    @Test
    void failsToStartWhenNoEndpointEventArrivesInTime() {
        server.endpointData = null;
        SseClientTransport transport = new SseClientTransport(
                runtime,
                HttpTransportOptions.builder(server.sseUri())
                        .connectTimeout(Duration.ofMillis(300))
                        .build());

        assertThatThrownBy(() -> connect(transport))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("no endpoint event within PT0.3S");
    }

    @Test
    void closesWithACauseWhenTheServerEndsTheStream() {
        McpClient client = connect(transport());

        server.endStreams();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> client.session().closeFuture().isDone());
        assertThat(client.session().closeFuture().join())
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("the server ended the event stream");
    }
}
