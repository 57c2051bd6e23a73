package dev.switchboard.mcp.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.mcp.client.McpClient;
import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import dev.switchboard.mcp.protocol.McpMethods;
import dev.switchboard.mcp.session.RequestOptions;
import dev.switchboard.mcp.testing.RecordingClientHandler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The demo server's tools, driven in-process by {@link McpClient} over in-memory transports. */
class DemoServerTest extends DemoTestSupport {
    @Test
    void declaresEveryCapabilityTheConformanceSuiteUses() {
        McpClient client = connect(server());

        JsonNode caps = client.serverCapabilities();
        assertThat(caps.path("tools").path("listChanged").asBoolean()).isTrue();
        assertThat(caps.path("resources").path("subscribe").asBoolean()).isTrue();
        assertThat(caps.path("resources").path("listChanged").asBoolean()).isTrue();
        assertThat(caps.path("prompts").path("listChanged").asBoolean()).isTrue();
        assertThat(caps.has("logging")).isTrue();
        assertThat(caps.has("completions")).isTrue();
        assertThat(client.serverInfo().path("name").asString()).isEqualTo(DemoServer.NAME);
    }

    @Test
    void listsEveryFixtureWithADescriptionAndAnObjectSchema() {
        List<JsonNode> tools = connect(server()).listAllTools();

        assertThat(tools)
                .extracting(t -> t.path("name").asString())
                .contains(
                        "echo",
                        "add",
                        "slow",
                        "progress",
                        "log",
                        "add_tool",
                        "remove_tool",
                        "update_resource",
                        "test_simple_text",
                        "test_image_content",
                        "test_audio_content",
                        "test_embedded_resource",
                        "test_multiple_content_types",
                        "test_tool_with_logging",
                        "test_tool_with_progress",
                        "test_error_handling",
                        "test_sampling",
                        "test_elicitation",
                        "test_elicitation_sep1034_defaults",
                        "test_elicitation_sep1330_enums",
                        "test_reconnection",
                        "json_schema_2020_12_tool")
                .doesNotHaveDuplicates();
        assertThat(tools).allSatisfy(t -> {
            assertThat(t.path("description").asString()).isNotBlank();
            assertThat(t.path("inputSchema").path("type").asString()).isEqualTo("object");
        });
    }

    @Test
    void servesTheJsonSchema202012ToolVerbatim() {
        JsonNode tool = connect(server()).listAllTools().stream()
                .filter(t -> t.path("name").asString().equals("json_schema_2020_12_tool"))
                .findFirst()
                .orElseThrow();

        JsonNode schema = tool.path("inputSchema");
        assertThat(schema.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$defs").has("address")).isTrue();
        assertThat(schema.path("additionalProperties").isBoolean()).isTrue();
        assertThat(schema.path("additionalProperties").asBoolean()).isFalse();
    }

    @Test
    void echoReturnsTheMessageAndRejectsAMissingOneAsAToolError() {
        McpClient client = connect(server());

        assertThat(text(client.callTool("echo", args("message", "hello")))).isEqualTo("hello");
        JsonNode missing = client.callTool("echo", args());
        assertThat(missing.path("isError").asBoolean()).isTrue();
        assertThat(text(missing)).contains("message: null (expected: a string)");
    }

    @Test
    void addReturnsTheSumAsTextAndStructuredContent() {
        McpClient client = connect(server());

        JsonNode integers = client.callTool("add", args("a", 2, "b", 3));
        assertThat(text(integers)).isEqualTo("5");
        assertThat(integers.path("structuredContent").path("sum").asLong()).isEqualTo(5);
        JsonNode fractions = client.callTool("add", args("a", 0.5, "b", 0.25));
        assertThat(fractions.path("structuredContent").path("sum").asDouble()).isEqualTo(0.75);
        assertThat(client.callTool("add", args("a", "x", "b", 1))
                        .path("isError")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void answersAnUnknownToolWithInvalidParams() {
        McpClient client = connect(server());

        assertThatThrownBy(() -> client.callTool("nope", null))
                .isInstanceOfSatisfying(
                        JsonRpcException.class,
                        e -> assertThat(e.error().code()).isEqualTo(JsonRpcError.INVALID_PARAMS));
    }

    @Test
    void acceptsAToolCallWithoutArguments() {
        McpClient client = connect(server());
        ObjectNode params = object().put("name", "test_simple_text");

        JsonNode result = client.request(McpMethods.TOOLS_CALL, params);

        assertThat(text(result)).isEqualTo("This is a simple text response for testing.");
    }

    @Test
    void returnsTheConformanceContentFixtures() {
        McpClient client = connect(server());

        JsonNode image =
                client.callTool("test_image_content", null).path("content").path(0);
        assertThat(image.path("type").asString()).isEqualTo("image");
        assertThat(image.path("mimeType").asString()).isEqualTo("image/png");
        JsonNode audio =
                client.callTool("test_audio_content", null).path("content").path(0);
        assertThat(audio.path("mimeType").asString()).isEqualTo("audio/wav");
        JsonNode embedded =
                client.callTool("test_embedded_resource", null).path("content").path(0);
        assertThat(embedded.path("resource").path("uri").asString()).isEqualTo("test://embedded-resource");
        JsonNode mixed = client.callTool("test_multiple_content_types", null).path("content");
        assertThat(mixed).extracting(c -> c.path("type").asString()).containsExactly("text", "image", "resource");
        JsonNode error = client.callTool("test_error_handling", null);
        assertThat(error.path("isError").asBoolean()).isTrue();
        assertThat(text(error)).isNotBlank();
    }

    @Test
    void reportsProgressWithTheCallersTokenBeforeTheResult() {
        McpClient client = connect(server());
        List<ObjectNode> progress = new CopyOnWriteArrayList<>();

        JsonNode result = client.callToolAsync(
                        "test_tool_with_progress",
                        null,
                        RequestOptions.defaults().withProgress(progress::add, false))
                .join();

        assertThat(progress).hasSize(3);
        assertThat(progress).extracting(p -> p.path("progress").asDouble()).containsExactly(0.0, 50.0, 100.0);
        assertThat(progress).extracting(p -> p.path("total").asDouble()).containsOnly(100.0);
        String token = progress.get(0).path("progressToken").asString();
        assertThat(text(result)).isEqualTo(token);
    }

    @Test
    void sendsLogMessagesAtOrAboveTheLevelTheClientSet() {
        RecordingClientHandler handler = new RecordingClientHandler();
        McpClient client = connect(server(), handler, object());

        JsonNode empty = client.request(McpMethods.LOGGING_SET_LEVEL, object().put("level", "warning"));
        client.callTool("log", null);

        assertThat(empty.isEmpty()).isTrue();
        assertThat(handler.notifications(McpMethods.LOGGING_MESSAGE))
                .extracting(n -> n.params().path("level").asString())
                .containsExactly("warning", "error", "critical", "alert", "emergency");
    }

    @Test
    void sendsThreeLogMessagesDuringTheLoggingFixtureOnTheCallsStream() {
        RecordingClientHandler handler = new RecordingClientHandler();
        McpClient client = connect(server(), handler, object());

        client.request(McpMethods.LOGGING_SET_LEVEL, object().put("level", "debug"));
        client.callTool("test_tool_with_logging", null);

        List<RecordingClientHandler.Received> messages = handler.notifications(McpMethods.LOGGING_MESSAGE);
        assertThat(messages)
                .extracting(n -> n.params().path("data").asString())
                .containsExactly("Tool execution started", "Tool processing data", "Tool execution completed");
        assertThat(messages).allSatisfy(n -> assertThat(n.related()).isNotNull());
    }

    @Test
    void rejectsAnUnknownLogLevel() {
        McpClient client = connect(server());

        assertThatThrownBy(() -> client.request(McpMethods.LOGGING_SET_LEVEL, object().put("level", "loud")))
                .isInstanceOfSatisfying(
                        JsonRpcException.class,
                        e -> assertThat(e.error().code()).isEqualTo(JsonRpcError.INVALID_PARAMS));
    }

    @Test
    void answersPingWithAnEmptyObject() {
        McpClient client = connect(server());

        assertThat(client.request(McpMethods.PING, null).isEmpty()).isTrue();
    }

    @Test
    void slowStopsWhenTheCallIsCancelled() {
        RecordingClientHandler handler = new RecordingClientHandler();
        McpClient client = connect(server(), handler, object());

        CompletableFuture<JsonNode> call = client.callToolAsync("slow", args("ms", 600_000), RequestOptions.defaults());
        call.cancel(true);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(handler.notifications(McpMethods.LOGGING_MESSAGE))
                        .extracting(n -> n.params().path("data").asString())
                        .anyMatch(d -> d.startsWith("slow: cancelled after")));
    }

    @Test
    void slowAnswersAfterTheTimeItWasGiven() {
        McpClient client = connect(server());

        assertThat(text(client.callTool("slow", args("ms", 10)))).isEqualTo("waited 10 ms");
        assertThat(client.callTool("slow", args("ms", -1)).path("isError").asBoolean())
                .isTrue();
    }

    @Test
    void reportsProgressForEachStep() {
        McpClient client = connect(server());
        List<ObjectNode> progress = new CopyOnWriteArrayList<>();

        client.callToolAsync(
                        "progress", args("steps", 4), RequestOptions.defaults().withProgress(progress::add, true))
                .join();

        assertThat(progress).extracting(p -> p.path("progress").asDouble()).containsExactly(1.0, 2.0, 3.0, 4.0);
    }
}
