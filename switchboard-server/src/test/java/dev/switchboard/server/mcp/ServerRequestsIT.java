package dev.switchboard.server.mcp;

import static dev.switchboard.server.mcp.AggregateViewIT.args;
import static dev.switchboard.server.mcp.AggregateViewIT.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.client.McpClient;
import dev.switchboard.mcp.demo.DemoServer;
import dev.switchboard.mcp.protocol.McpMethods;
import dev.switchboard.mcp.server.http.McpHttpServer;
import dev.switchboard.mcp.server.http.McpHttpServerOptions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A server's sampling and elicitation requests relayed to the upstream call that caused them: over
 * a {@code per-session} server's own stdio connection, and over a shared Streamable HTTP connection
 * (where the request arrives with the call it belongs to), and over a shared stdio connection while
 * one call is in flight; with several in flight, nothing says which asked: an error says so.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerRequestsIT {
    private final McpRuntime demoRuntime = new McpRuntime();
    private McpHttpServer remote;
    private TestGateway gateway;

    @BeforeAll
    void start() {
        remote = DemoServer.startHttp(
                demoRuntime, McpHttpServerOptions.defaults().withPort(0));
        gateway = TestGateway.start(Configs.file(
                "",
                Configs.demoStdio("owned", "sessionMode: per-session"),
                Configs.http("remote", remote.mcpEndpoint()),
                Configs.demoStdio("shared")));
    }

    @AfterAll
    void stop() {
        gateway.close();
        remote.close();
        demoRuntime.close();
    }

    @Test
    void relaysSamplingToTheCallerOfAPerSessionServer() {
        Recorder recorder = answeringSampling("from the per-session caller");
        McpClient client = gateway.connect("/mcp", recorder);

        JsonNode result = client.callTool("owned__test_sampling", args("prompt", "hello?"));

        assertThat(text(result)).isEqualTo("LLM response: from the per-session caller");
        assertThat(recorder.requests("sampling/createMessage")).hasSize(1);
    }

    @Test
    void tellsTheCallersPerSessionServerThatItsRootsChanged() {
        Recorder recorder = new Recorder();
        McpClient client = gateway.connect("/mcp", recorder);
        assertThat(text(client.callTool("owned__echo", args("message", "open it"))))
                .contains("open it");

        client.session().notify(McpMethods.ROOTS_LIST_CHANGED, null);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(recorder.notifications("notifications/message"))
                        .anyMatch(m -> m.path("data").asString("").equals(DemoServer.ROOTS_CHANGED_LOG)));
    }

    @Test
    void relaysSamplingOverASharedHttpConnectionToTheCallThatAsked() {
        Recorder first = answeringSampling("first caller");
        Recorder second = answeringSampling("second caller");
        McpClient one = gateway.connect("/mcp", first);
        McpClient two = gateway.connect("/mcp", second);

        assertThat(text(one.callTool("remote__test_sampling", args("prompt", "a"))))
                .isEqualTo("LLM response: first caller");
        assertThat(text(two.callTool("remote__test_sampling", args("prompt", "b"))))
                .isEqualTo("LLM response: second caller");
        assertThat(first.requests("sampling/createMessage")).hasSize(1);
        assertThat(second.requests("sampling/createMessage")).hasSize(1);
    }

    @Test
    void relaysElicitationOverASharedHttpConnection() {
        Recorder recorder = new Recorder().answer("elicitation/create", r -> {
            ObjectNode answer = JsonNodeFactory.instance.objectNode().put("action", "accept");
            answer.putObject("content").put("username", "ada").put("email", "ada@example.com");
            return answer;
        });
        McpClient client = gateway.connect("/mcp", recorder);

        JsonNode result = client.callTool("remote__test_elicitation", args("message", "who are you?"));

        assertThat(text(result)).contains("action=accept").contains("ada@example.com");
    }

    @Test
    void relaysSamplingOverASharedStdioConnectionWhileItsCallIsTheOnlyOneInFlight() {
        Recorder recorder = answeringSampling("the only caller");
        McpClient client = gateway.connect("/mcp", recorder);

        JsonNode result = client.callTool("shared__test_sampling", args("prompt", "hello?"));

        assertThat(text(result)).isEqualTo("LLM response: the only caller");
    }

    @Test
    void refusesSamplingOverASharedStdioConnectionWithSeveralCallsInFlightWithAnErrorThatSaysWhy() {
        McpClient other = gateway.connect("/mcp", null);
        CompletableFuture<JsonNode> busy =
                other.session().request("tools/call", AggregateViewIT.toolCall("shared__slow", args("ms", 20000)));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> gateway.switchboard
                                .server("shared")
                                .orElseThrow()
                                .status()
                                .inFlight()
                        > 0);
        Recorder recorder = answeringSampling("never asked");
        McpClient client = gateway.connect("/mcp", recorder);

        JsonNode result = client.callTool("shared__test_sampling", args("prompt", "hello?"));

        busy.cancel(true);
        assertThat(result.path("isError").asBoolean()).isTrue();
        assertThat(text(result))
                .contains("cannot be relayed")
                .contains("2 calls are in flight")
                .contains("per-session");
        assertThat(recorder.requests("sampling/createMessage")).isEmpty();
    }

    @Test
    void refusesSamplingForAClientThatDidNotDeclareIt() {
        McpClient client = gateway.connect("/mcp", null);

        JsonNode result = client.callTool("remote__test_sampling", args("prompt", "hello?"));

        assertThat(result.path("isError").asBoolean()).isTrue();
        assertThat(text(result)).contains("did not declare the sampling capability");
    }

    private static Recorder answeringSampling(String reply) {
        return new Recorder().answer("sampling/createMessage", request -> {
            ObjectNode answer = JsonNodeFactory.instance.objectNode();
            answer.put("role", "assistant");
            answer.put("model", "test-model");
            answer.putObject("content").put("type", "text").put("text", reply);
            return answer;
        });
    }
}
