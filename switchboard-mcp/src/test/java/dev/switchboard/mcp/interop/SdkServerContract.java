package dev.switchboard.mcp.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.client.ClientOptions;
import dev.switchboard.mcp.client.McpClient;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import dev.switchboard.mcp.protocol.McpMethods;
import dev.switchboard.mcp.session.RequestOptions;
import dev.switchboard.mcp.testing.RecordingClientHandler;
import dev.switchboard.mcp.transport.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Our {@link McpClient} against the {@link SdkFixtureServer}, an MCP server built with the official
 * MCP Java SDK, over one transport per subclass. One client session per class, shared by its tests,
 * which only read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class SdkServerContract {
    static final int CONCURRENT_CALLS = 100;

    final McpRuntime runtime = new McpRuntime();
    final RecordingClientHandler handler = new RecordingClientHandler();
    McpClient client;

    /** Starts the SDK server if it runs in this JVM, and returns a transport to it. */
    abstract Transport transport() throws Exception;

    /** Stops what {@link #transport} started, after the client closed. */
    void stopServer() throws Exception {}

    @BeforeAll
    void connect() throws Exception {
        handler.answer(McpMethods.SAMPLING_CREATE_MESSAGE, request -> {
            ObjectNode answer = object().put("role", "assistant").put("model", "canned-model");
            answer.putObject("content").put("type", "text").put("text", "a canned reply");
            return answer;
        });
        ObjectNode caps = object();
        caps.putObject("sampling");
        client = McpClient.connect(
                transport(), ClientOptions.of(runtime, "sdk-server-interop").withServerRequests(caps, handler));
    }

    @AfterAll
    void close() throws Exception {
        if (client != null) {
            client.close();
        }
        stopServer();
        runtime.close();
    }

    ObjectNode object() {
        return runtime.codec().object();
    }

    static String text(JsonNode result) {
        return result.path("content").path(0).path("text").asString();
    }

    @Test
    void initializesWithTheSdkServersInfoAndCapabilities() {
        assertThat(client.serverInfo().path("name").asString()).isEqualTo(SdkFixtureServer.NAME);
        assertThat(client.serverCapabilities().has("tools")).isTrue();
        assertThat(client.serverCapabilities().has("resources")).isTrue();
        assertThat(client.serverCapabilities().has("prompts")).isTrue();
        assertThat(client.initializeResult().path("protocolVersion").asString())
                .isEqualTo(client.protocolVersion().wire());
    }

    @Test
    void listsTheToolsWithTheirInputSchemas() {
        List<JsonNode> tools = client.listAllTools();

        assertThat(tools)
                .extracting(t -> t.path("name").asString())
                .containsExactlyInAnyOrder("echo", "add", "ask_llm");
        JsonNode echo = tools.stream()
                .filter(t -> t.path("name").asString().equals("echo"))
                .findFirst()
                .orElseThrow();
        assertThat(echo.path("inputSchema")
                        .path("properties")
                        .path("message")
                        .path("type")
                        .asString())
                .isEqualTo("string");
    }

    @Test
    void callsEchoAndAddAndReadsTheStructuredSum() {
        JsonNode echoed = client.callTool("echo", object().put("message", "hello, SDK"));
        JsonNode sum = client.callTool("add", object().put("a", 40).put("b", 2));

        assertThat(text(echoed)).isEqualTo("hello, SDK");
        assertThat(echoed.path("isError").asBoolean(false)).isFalse();
        assertThat(text(sum)).isEqualTo("42");
        assertThat(sum.path("structuredContent").path("sum").asLong()).isEqualTo(42);
    }

    @Test
    void matchesEachOfOneHundredConcurrentCallsWithItsOwnResult() {
        List<CompletableFuture<JsonNode>> calls = new ArrayList<>();
        for (int i = 0; i < CONCURRENT_CALLS; i++) {
            calls.add(client.callToolAsync(
                    "echo",
                    object().put("message", "call-" + i),
                    RequestOptions.defaults().withTimeout(Duration.ofSeconds(30))));
        }

        List<String> answers = calls.stream().map(c -> text(c.join())).toList();

        for (int i = 0; i < CONCURRENT_CALLS; i++) {
            assertThat(answers.get(i)).isEqualTo("call-" + i);
        }
    }

    @Test
    void readsTheResourceItListed() {
        List<JsonNode> resources = client.listAll(McpMethods.RESOURCES_LIST, "resources", 10);
        JsonNode read = client.request(McpMethods.RESOURCES_READ, object().put("uri", SdkFixtureServer.RESOURCE_URI));

        assertThat(resources).extracting(r -> r.path("uri").asString()).containsExactly(SdkFixtureServer.RESOURCE_URI);
        assertThat(read.path("contents").path(0).path("text").asString()).isEqualTo(SdkFixtureServer.RESOURCE_TEXT);
        assertThat(read.path("contents").path(0).path("mimeType").asString()).isEqualTo("text/plain");
    }

    @Test
    void getsThePromptWithItsArgument() {
        List<JsonNode> prompts = client.listAll(McpMethods.PROMPTS_LIST, "prompts", 10);
        ObjectNode params = object().put("name", "greeting");
        params.putObject("arguments").put("name", "Ada");

        JsonNode prompt = client.request(McpMethods.PROMPTS_GET, params);

        assertThat(prompts).extracting(p -> p.path("name").asString()).containsExactly("greeting");
        assertThat(prompts.get(0).path("arguments").path(0).path("required").asBoolean())
                .isTrue();
        assertThat(prompt.path("messages").path(0).path("role").asString()).isEqualTo("user");
        assertThat(prompt.path("messages").path(0).path("content").path("text").asString())
                .isEqualTo("Say hello to Ada");
    }

    @Test
    void answersTheSdkServersSamplingRequestWithTheClientHandler() {
        JsonNode result = client.callTool("ask_llm", object().put("prompt", "tell me something"));

        assertThat(text(result)).isEqualTo("LLM said: a canned reply (model canned-model)");
        assertThat(handler.requests(McpMethods.SAMPLING_CREATE_MESSAGE))
                .anySatisfy(r -> assertThat(r.paramsObject().toString()).contains("tell me something"));
    }

    @Test
    void surfacesTheSdkServersErrorForAnUnknownPrompt() {
        assertThatThrownBy(() -> client.request(McpMethods.PROMPTS_GET, object().put("name", "no-such-prompt")))
                .isInstanceOf(JsonRpcException.class);
        client.ping();
    }
}
