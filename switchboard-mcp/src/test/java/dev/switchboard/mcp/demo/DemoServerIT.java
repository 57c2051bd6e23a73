package dev.switchboard.mcp.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.client.ClientOptions;
import dev.switchboard.mcp.client.McpClient;
import dev.switchboard.mcp.client.stdio.StdioClientTransport;
import dev.switchboard.mcp.client.stdio.StdioServerParameters;
import dev.switchboard.mcp.protocol.McpMethods;
import dev.switchboard.mcp.session.RequestOptions;
import dev.switchboard.mcp.testing.Interop;
import dev.switchboard.mcp.testing.RecordingClientHandler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo server as a real child process over stdio ({@code DemoServer.main} without arguments),
 * driven by {@link McpClient}.
 */
class DemoServerIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static McpRuntime runtime;

    private final RecordingClientHandler handler = new RecordingClientHandler();
    private StdioClientTransport transport;
    private McpClient client;

    @BeforeAll
    static void startRuntime() {
        runtime = new McpRuntime();
    }

    @AfterAll
    static void stopRuntime() {
        runtime.close();
    }

    private McpClient start() {
        List<String> command = Interop.java(DemoServer.class);
        transport = new StdioClientTransport(
                "demo",
                StdioServerParameters.builder(command.get(0))
                        .args(command.subList(1, command.size()))
                        .build(),
                runtime);
        ObjectNode caps = runtime.codec().object();
        caps.putObject("sampling");
        caps.putObject("elicitation");
        client = McpClient.connect(
                transport, ClientOptions.of(runtime, "demo-it").withServerRequests(caps, handler));
        return client;
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (transport != null) {
            // The child's log, for the report of a failed test.
            transport.recentStderr().forEach(line -> System.err.println("demo-server: " + line));
        }
    }

    private static ObjectNode args(Object... namesAndValues) {
        ObjectNode args = runtime.codec().object();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            args.set((String) namesAndValues[i], runtime.codec().mapper().valueToTree(namesAndValues[i + 1]));
        }
        return args;
    }

    private static String text(JsonNode result) {
        return result.path("content").path(0).path("text").asString();
    }

    @Test
    void servesToolsPromptsAndCompletionsAndWritesNothingButProtocolOnStdout() {
        McpClient c = start();

        List<JsonNode> tools = c.listAllTools();
        String echoed = text(c.callTool("echo", args("message", "over stdio")));
        JsonNode sum = c.callTool("add", args("a", 40, "b", 2));
        ObjectNode prompt = runtime.codec().object().put("name", "test_prompt_with_arguments");
        prompt.putObject("arguments").put("arg1", "testValue1").put("arg2", "testValue2");
        JsonNode messages = c.request(McpMethods.PROMPTS_GET, prompt).path("messages");
        ObjectNode complete = runtime.codec().object();
        complete.putObject("ref").put("type", "ref/prompt").put("name", "test_prompt_with_arguments");
        complete.putObject("argument").put("name", "arg2").put("value", "test");
        JsonNode values = c.request(McpMethods.COMPLETION_COMPLETE, complete)
                .path("completion")
                .path("values");

        assertThat(tools).hasSizeGreaterThanOrEqualTo(22);
        assertThat(tools)
                .allSatisfy(t -> assertThat(t.path("description").asString()).isNotBlank());
        assertThat(echoed).isEqualTo("over stdio");
        assertThat(text(sum)).isEqualTo("42");
        assertThat(sum.path("structuredContent").path("sum").asInt()).isEqualTo(42);
        assertThat(messages.toString()).contains("testValue1", "testValue2");
        assertThat(values.path(0).asString()).isEqualTo("testValue2");
        assertThat(transport.skippedLines()).isZero();
    }

    @Test
    void stopsASlowCallWhenTheClientCancelsIt() {
        McpClient c = start();

        CompletableFuture<JsonNode> call = c.callToolAsync("slow", args("ms", 600_000), RequestOptions.defaults());
        call.cancel(true);

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(handler.notifications(McpMethods.LOGGING_MESSAGE))
                        .extracting(n -> n.params().path("data").asString())
                        .anyMatch(d -> d.startsWith("slow: cancelled after")));
        assertThat(text(c.callTool("slow", args("ms", 1)))).isEqualTo("waited 1 ms");
    }

    @Test
    void reportsProgressWithTheTokenAndHonoursTheLogLevel() {
        McpClient c = start();
        List<ObjectNode> progress = new CopyOnWriteArrayList<>();

        JsonNode result = c.callToolAsync(
                        "test_tool_with_progress",
                        null,
                        RequestOptions.defaults().withProgress(progress::add, false))
                .join();
        c.request(McpMethods.LOGGING_SET_LEVEL, runtime.codec().object().put("level", "error"));
        c.callTool("log", null);

        assertThat(progress).extracting(p -> p.path("progress").asInt()).containsExactly(0, 50, 100);
        assertThat(text(result)).isEqualTo(progress.get(0).path("progressToken").asString());
        assertThat(handler.notifications(McpMethods.LOGGING_MESSAGE))
                .extracting(n -> n.params().path("level").asString())
                .containsExactly("error", "critical", "alert", "emergency");
    }

    @Test
    void relaysSamplingAndElicitationThroughTheClientsHandlers() {
        handler.answer(McpMethods.SAMPLING_CREATE_MESSAGE, r -> {
            ObjectNode answer =
                    runtime.codec().object().put("role", "assistant").put("model", "m");
            answer.putObject("content").put("type", "text").put("text", "a reply");
            return answer;
        });
        handler.answer(McpMethods.ELICITATION_CREATE, r -> {
            ObjectNode answer = runtime.codec().object().put("action", "decline");
            return answer;
        });
        McpClient c = start();

        JsonNode sampled = c.callTool("test_sampling", args("prompt", "say something"));
        JsonNode elicited = c.callTool("test_elicitation", args("message", "name?"));

        assertThat(text(sampled)).isEqualTo("LLM response: a reply");
        assertThat(text(elicited)).isEqualTo("User response: action=decline, content={}");
        assertThat(handler.requests(McpMethods.SAMPLING_CREATE_MESSAGE)).hasSize(1);
    }

    @Test
    void notifiesResourceSubscribersAndToolListChanges() {
        McpClient c = start();

        c.request(McpMethods.RESOURCES_SUBSCRIBE, runtime.codec().object().put("uri", "test://watched-resource"));
        c.callTool("update_resource", null);
        c.callTool("add_tool", args("name", "added_over_stdio"));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(handler.notifications(McpMethods.RESOURCES_UPDATED)).isNotEmpty();
            assertThat(handler.notifications(McpMethods.TOOLS_LIST_CHANGED)).hasSize(1);
        });
        assertThat(c.listAllTools()).extracting(t -> t.path("name").asString()).contains("added_over_stdio");
    }

    @Test
    void isGoneAfterTheClientCloses() {
        McpClient c = start();
        c.ping();
        long pid = transport.pid().orElseThrow();

        c.close();

        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(transport.skippedLines()).isZero();
    }
}
