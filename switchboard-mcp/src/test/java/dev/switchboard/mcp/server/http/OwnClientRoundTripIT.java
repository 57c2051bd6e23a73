package dev.switchboard.mcp.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.client.ClientOptions;
import dev.switchboard.mcp.client.McpClient;
import dev.switchboard.mcp.client.http.HttpTransportOptions;
import dev.switchboard.mcp.client.http.SseClientTransport;
import dev.switchboard.mcp.client.http.StreamableHttpClientTransport;
import dev.switchboard.mcp.demo.DemoOptions;
import dev.switchboard.mcp.demo.DemoServer;
import dev.switchboard.mcp.protocol.McpMethods;
import dev.switchboard.mcp.protocol.ProtocolVersion;
import dev.switchboard.mcp.session.IncomingHandler;
import dev.switchboard.mcp.session.IncomingRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Switchboard's own HTTP client transports against its HTTP server transports, serving the demo server. */
class OwnClientRoundTripIT {
    private McpRuntime runtime;
    private McpHttpServer server;

    @BeforeEach
    void start() {
        runtime = new McpRuntime();
        server =
                new McpHttpServer(DemoServer.create(DemoOptions.of(runtime)), runtime, McpHttpServerOptions.defaults());
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
        runtime.close();
    }

    private ObjectNode args(String key, String value) {
        ObjectNode args = runtime.codec().object();
        args.put(key, value);
        return args;
    }

    private ClientOptions withSampling() {
        ObjectNode caps = runtime.codec().object();
        caps.putObject("sampling");
        return ClientOptions.of(runtime, "round-trip").withServerRequests(caps, new SamplingAnswer(runtime));
    }

    private static String text(JsonNode result) {
        return result.path("content").path(0).path("text").asString();
    }

    @Test
    void streamableHttpCarriesCallsSamplingAndAResumedStream() {
        StreamableHttpClientTransport transport =
                new StreamableHttpClientTransport(runtime, HttpTransportOptions.of(server.mcpEndpoint()));
        try (McpClient client = McpClient.connect(transport, withSampling())) {
            assertThat(client.protocolVersion()).isEqualTo(ProtocolVersion.LATEST);
            assertThat(client.listAllTools())
                    .extracting(t -> t.path("name").asString())
                    .contains("echo");

            assertThat(text(client.callTool("echo", args("message", "hi")))).isEqualTo("hi");
            assertThat(text(client.callTool("test_sampling", args("prompt", "p"))))
                    .isEqualTo("LLM response: sampled");
            assertThat(text(client.callTool("test_reconnection", null))).startsWith("Reconnection test completed");
        }
        assertThat(server.streamableHandler().sessionCount()).isZero();
    }

    @Test
    void legacySseCarriesCallsAndSampling() {
        SseClientTransport transport = new SseClientTransport(runtime, HttpTransportOptions.of(server.sseEndpoint()));
        try (McpClient client =
                McpClient.connect(transport, withSampling().withProtocolVersion(ProtocolVersion.V2024_11_05))) {
            assertThat(client.protocolVersion()).isEqualTo(ProtocolVersion.V2024_11_05);
            assertThat(text(client.callTool("echo", args("message", "old")))).isEqualTo("old");
            assertThat(text(client.callTool("test_sampling", args("prompt", "p"))))
                    .isEqualTo("LLM response: sampled");
        }
    }

    /** Answers sampling requests with the text "sampled". */
    private record SamplingAnswer(McpRuntime runtime) implements IncomingHandler {
        @Override
        public CompletionStage<JsonNode> onRequest(IncomingRequest request) {
            assertThat(request.method()).isEqualTo(McpMethods.SAMPLING_CREATE_MESSAGE);
            ObjectNode result = runtime.codec().object();
            result.put("role", "assistant");
            result.put("model", "test");
            result.putObject("content").put("type", "text").put("text", "sampled");
            return CompletableFuture.completedFuture(result);
        }
    }
}
