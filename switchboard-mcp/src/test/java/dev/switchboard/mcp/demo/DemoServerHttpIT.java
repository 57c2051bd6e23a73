package dev.switchboard.mcp.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.client.ClientOptions;
import dev.switchboard.mcp.client.McpClient;
import dev.switchboard.mcp.client.http.HttpTransportOptions;
import dev.switchboard.mcp.client.http.StreamableHttpClientTransport;
import dev.switchboard.mcp.protocol.McpMethods;
import dev.switchboard.mcp.server.http.McpHttpServer;
import dev.switchboard.mcp.server.http.McpHttpServerOptions;
import dev.switchboard.mcp.session.RequestOptions;
import dev.switchboard.mcp.testing.Interop;
import dev.switchboard.mcp.testing.RecordingClientHandler;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The demo server over real Streamable HTTP on loopback. */
class DemoServerHttpIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static McpRuntime runtime;
    private static McpHttpServer server;

    @BeforeAll
    static void start() {
        runtime = new McpRuntime();
        server = DemoServer.startHttp(runtime, McpHttpServerOptions.defaults());
    }

    @AfterAll
    static void stop() {
        server.close();
        runtime.close();
    }

    private static McpClient connect(URI endpoint, RecordingClientHandler handler) {
        ObjectNode caps = runtime.codec().object();
        caps.putObject("sampling");
        return McpClient.connect(
                new StreamableHttpClientTransport(runtime, HttpTransportOptions.of(endpoint)),
                ClientOptions.of(runtime, "demo-http-it").withServerRequests(caps, handler));
    }

    private static ObjectNode args(String name, Object value) {
        ObjectNode args = runtime.codec().object();
        args.set(name, runtime.codec().mapper().valueToTree(value));
        return args;
    }

    private static String text(JsonNode result) {
        return result.path("content").path(0).path("text").asString();
    }

    @Test
    void relaysProgressLogsAndSamplingOnTheCallsStream() {
        RecordingClientHandler handler = new RecordingClientHandler().answer(McpMethods.SAMPLING_CREATE_MESSAGE, r -> {
            ObjectNode answer =
                    runtime.codec().object().put("role", "assistant").put("model", "m");
            answer.putObject("content").put("type", "text").put("text", "over http");
            return answer;
        });
        try (McpClient client = connect(server.mcpEndpoint(), handler)) {
            List<ObjectNode> progress = new CopyOnWriteArrayList<>();

            String echoed = text(client.callTool("echo", args("message", "hello")));
            client.callToolAsync(
                            "test_tool_with_progress",
                            null,
                            RequestOptions.defaults().withProgress(progress::add, false))
                    .join();
            client.callTool("test_tool_with_logging", null);
            String sampled = text(client.callTool("test_sampling", args("prompt", "p")));

            assertThat(echoed).isEqualTo("hello");
            assertThat(progress).extracting(p -> p.path("progress").asInt()).containsExactly(0, 50, 100);
            assertThat(handler.notifications(McpMethods.LOGGING_MESSAGE)).hasSize(3);
            assertThat(sampled).isEqualTo("LLM response: over http");
            assertThat(handler.requests(McpMethods.SAMPLING_CREATE_MESSAGE)
                            .get(0)
                            .related())
                    .isNotNull();
        }
    }

    @Test
    void toldOtherSessionsOfAnAddedToolOnTheirStandaloneStream() {
        RecordingClientHandler watcher = new RecordingClientHandler();
        try (McpClient watching = connect(server.mcpEndpoint(), watcher);
                McpClient changing = connect(server.mcpEndpoint(), new RecordingClientHandler())) {
            watching.ping();

            changing.callTool("add_tool", args("name", "added_over_http"));

            await().atMost(WAIT)
                    .until(() -> !watcher.notifications(McpMethods.TOOLS_LIST_CHANGED)
                            .isEmpty());
            changing.callTool("remove_tool", args("name", "added_over_http"));
        }
    }

    @Test
    void mainServesHttpOnTheEndpointItPrints() throws Exception {
        Process process = new ProcessBuilder(Interop.java(DemoServer.class, "--http", "0")).start();
        try (BufferedReader stderr =
                new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            URI endpoint = null;
            for (int i = 0; i < 100 && endpoint == null; i++) {
                String line = stderr.readLine();
                assertThat(line).as("a line on the server's stderr").isNotNull();
                if (line.startsWith("demo-server: Streamable HTTP at ")) {
                    endpoint = URI.create(line.substring("demo-server: Streamable HTTP at ".length()));
                }
            }
            assertThat(endpoint).isNotNull();
            assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
            assertThat(endpoint.getPath()).isEqualTo("/mcp");
            try (McpClient client = connect(endpoint, new RecordingClientHandler())) {
                assertThat(text(client.callTool("echo", args("message", "child"))))
                        .isEqualTo("child");
            }
        } finally {
            process.destroy();
            process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS);
            process.destroyForcibly();
        }
    }
}
