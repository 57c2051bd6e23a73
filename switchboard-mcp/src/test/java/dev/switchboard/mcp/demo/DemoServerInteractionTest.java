package dev.switchboard.mcp.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.client.McpClient;
import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import dev.switchboard.mcp.protocol.McpMethods;
import dev.switchboard.mcp.server.McpServer;
import dev.switchboard.mcp.session.IncomingRequest;
import dev.switchboard.mcp.testing.RecordingClientHandler;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The demo server talking back: sampling, elicitation, resource updates and tool list changes. */
class DemoServerInteractionTest extends DemoTestSupport {

    private static ObjectNode samplingAndElicitation() {
        ObjectNode caps = object();
        caps.putObject("sampling");
        caps.putObject("elicitation");
        return caps;
    }

    private static ObjectNode accept(IncomingRequest request, String contentJson) {
        ObjectNode answer = object().put("action", "accept");
        answer.set("content", runtime.codec().mapper().readTree(contentJson));
        return answer;
    }

    @Test
    void samplingGoesToTheClientOnTheCallsStreamAndItsAnswerComesBack() {
        RecordingClientHandler handler = new RecordingClientHandler().answer(McpMethods.SAMPLING_CREATE_MESSAGE, r -> {
            ObjectNode answer = object().put("role", "assistant").put("model", "test-model");
            answer.putObject("content")
                    .put("type", "text")
                    .put(
                            "text",
                            "sampled: "
                                    + r.paramsObject()
                                            .path("messages")
                                            .path(0)
                                            .path("content")
                                            .path("text")
                                            .asString());
            return answer;
        });
        McpClient client = connect(server(), handler, samplingAndElicitation());

        JsonNode result = client.callTool("test_sampling", args("prompt", "Hi"));

        assertThat(text(result)).isEqualTo("LLM response: sampled: Hi");
        IncomingRequest request =
                handler.requests(McpMethods.SAMPLING_CREATE_MESSAGE).get(0);
        assertThat(request.related()).isNotNull();
        assertThat(request.paramsObject().path("maxTokens").asInt()).isEqualTo(100);
    }

    @Test
    void samplingIsAToolErrorWhenTheClientDidNotDeclareIt() {
        McpClient client = connect(server());

        JsonNode result = client.callTool("test_sampling", args("prompt", "Hi"));

        assertThat(result.path("isError").asBoolean()).isTrue();
        assertThat(text(result)).contains("no sampling");
    }

    @Test
    void elicitationReturnsWhatTheUserAnswered() {
        RecordingClientHandler handler = new RecordingClientHandler()
                .answer(McpMethods.ELICITATION_CREATE, r -> accept(r, "{\"username\":\"u\",\"email\":\"e@x\"}"));
        McpClient client = connect(server(), handler, samplingAndElicitation());

        JsonNode result = client.callTool("test_elicitation", args("message", "Who are you?"));

        assertThat(text(result))
                .isEqualTo("User response: action=accept, content={\"username\":\"u\",\"email\":\"e@x\"}");
        JsonNode params = handler.requests(McpMethods.ELICITATION_CREATE).get(0).paramsObject();
        assertThat(params.path("message").asString()).isEqualTo("Who are you?");
        assertThat(params.path("requestedSchema").path("required")).hasSize(2);
    }

    @Test
    void elicitationFixturesSendTheDefaultsAndEnumForms() {
        RecordingClientHandler handler =
                new RecordingClientHandler().answer(McpMethods.ELICITATION_CREATE, r -> accept(r, "{}"));
        McpClient client = connect(server(), handler, samplingAndElicitation());

        assertThat(text(client.callTool("test_elicitation_sep1034_defaults", null)))
                .isEqualTo("Elicitation completed: action=accept, content={}");
        client.callTool("test_elicitation_sep1330_enums", null);

        List<IncomingRequest> requests = handler.requests(McpMethods.ELICITATION_CREATE);
        JsonNode defaults =
                requests.get(0).paramsObject().path("requestedSchema").path("properties");
        assertThat(defaults.path("score").path("default").asDouble()).isEqualTo(95.5);
        assertThat(defaults.path("age").path("default").isIntegralNumber()).isTrue();
        JsonNode enums = requests.get(1).paramsObject().path("requestedSchema").path("properties");
        assertThat(enums.path("legacyEnum").path("enumNames")).hasSize(3);
        assertThat(enums.path("titledMulti").path("items").path("anyOf")).hasSize(3);
    }

    @Test
    void subscribersHearOfUpdatesUntilTheyUnsubscribe() {
        RecordingClientHandler handler = new RecordingClientHandler();
        // No periodic update may interfere: only update_resource changes the resource here.
        McpServer server = DemoServer.create(DemoOptions.of(runtime).withResourceUpdateInterval(Duration.ofHours(1)));
        McpClient client = connect(server, handler, object());
        McpClient other = connect(server);
        ObjectNode watched = object().put("uri", WatchedResource.URI);

        assertThat(client.request(McpMethods.RESOURCES_SUBSCRIBE, watched).isEmpty())
                .isTrue();
        other.callTool("update_resource", null);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> handler.notifications(McpMethods.RESOURCES_UPDATED).size() == 1);
        assertThat(client.request(McpMethods.RESOURCES_UNSUBSCRIBE, watched).isEmpty())
                .isTrue();
        // The update is broadcast before update_resource answers, on the same ordered stream.
        client.callTool("update_resource", null);

        assertThat(handler.notifications(McpMethods.RESOURCES_UPDATED))
                .singleElement()
                .satisfies(n -> assertThat(n.params().path("uri").asString()).isEqualTo(WatchedResource.URI));
    }

    @Test
    void theWatchedResourceChangesPeriodicallyWhileSubscribed() {
        try (McpRuntime own = new McpRuntime()) {
            McpServer server = DemoServer.create(DemoOptions.of(own).withResourceUpdateInterval(Duration.ofMillis(20)));
            RecordingClientHandler handler = new RecordingClientHandler();
            McpClient client = connect(server, handler, object());
            ObjectNode watched = object().put("uri", WatchedResource.URI);
            String before = client.request(McpMethods.RESOURCES_READ, watched)
                    .path("contents")
                    .path(0)
                    .path("text")
                    .asString();

            client.request(McpMethods.RESOURCES_SUBSCRIBE, watched);

            await().atMost(Duration.ofSeconds(10))
                    .until(() ->
                            handler.notifications(McpMethods.RESOURCES_UPDATED).size() >= 2);
            String after = client.request(McpMethods.RESOURCES_READ, watched)
                    .path("contents")
                    .path(0)
                    .path("text")
                    .asString();
            assertThat(after).isNotEqualTo(before);
        }
    }

    @Test
    void subscribingToAnUnknownResourceFails() {
        McpClient client = connect(server());

        assertThatThrownBy(() -> client.request(McpMethods.RESOURCES_SUBSCRIBE, object().put("uri", "test://nope")))
                .isInstanceOfSatisfying(
                        JsonRpcException.class,
                        e -> assertThat(e.error().code()).isEqualTo(JsonRpcError.RESOURCE_NOT_FOUND));
    }

    @Test
    void addingAndRemovingAToolTellsEverySession() {
        McpServer server = server();
        RecordingClientHandler handler = new RecordingClientHandler();
        McpClient watcher = connect(server, handler, object());
        McpClient changer = connect(server);

        assertThat(text(changer.callTool("add_tool", args("name", "extra")))).isEqualTo("added tool extra");
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        handler.notifications(McpMethods.TOOLS_LIST_CHANGED).size() == 1);
        assertThat(watcher.listAllTools())
                .extracting(t -> t.path("name").asString())
                .contains("extra");
        assertThat(text(watcher.callTool("extra", null))).isEqualTo("tool extra was added at runtime");

        changer.callTool("remove_tool", args("name", "extra"));
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        handler.notifications(McpMethods.TOOLS_LIST_CHANGED).size() == 2);
        assertThat(watcher.listAllTools())
                .extracting(t -> t.path("name").asString())
                .doesNotContain("extra");
    }

    @Test
    void refusesToAddAToolWithTheNameOfAFixedOneOrToRemoveAFixedOne() {
        McpClient client = connect(server());

        assertThat(client.callTool("add_tool", args("name", "echo"))
                        .path("isError")
                        .asBoolean())
                .isTrue();
        assertThat(client.callTool("add_tool", args("name", "bad name"))
                        .path("isError")
                        .asBoolean())
                .isTrue();
        assertThat(client.callTool("remove_tool", args("name", "echo"))
                        .path("isError")
                        .asBoolean())
                .isTrue();
    }
}
