package dev.switchboard.mcp.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.ProtocolVersions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The official MCP Java SDK's sync client against our demo server, over one transport per subclass:
 * the handshake, tools, progress and logging notifications, sampling and elicitation requests from
 * the server answered by the SDK's handlers, resources and prompts. One SDK client per class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class SdkClientContract {
    private static final Duration WAIT = Duration.ofSeconds(20);

    final Queue<McpSchema.ProgressNotification> progress = new ConcurrentLinkedQueue<>();
    final Queue<McpSchema.LoggingMessageNotification> logs = new ConcurrentLinkedQueue<>();
    final Queue<McpSchema.CreateMessageRequest> samplingRequests = new ConcurrentLinkedQueue<>();
    McpSyncClient client;
    McpSchema.InitializeResult initialized;

    /** Starts our server if it runs in this JVM, and returns an SDK transport to it. */
    abstract McpClientTransport transport() throws Exception;

    /** Stops what {@link #transport} started, after the client closed. */
    void stopServer() throws Exception {}

    @BeforeAll
    void connect() throws Exception {
        client = McpClient.sync(transport())
                .clientInfo(McpSchema.Implementation.builder("sdk-interop-client", "1.0.0")
                        .build())
                .requestTimeout(WAIT)
                .initializationTimeout(WAIT)
                .capabilities(McpSchema.ClientCapabilities.builder()
                        .sampling()
                        .elicitation()
                        .build())
                .sampling(request -> {
                    samplingRequests.add(request);
                    return McpSchema.CreateMessageResult.builder(
                                    McpSchema.Role.ASSISTANT, "a canned reply", "canned-model")
                            .build();
                })
                .elicitation(request -> new McpSchema.ElicitResult(
                        McpSchema.ElicitResult.Action.ACCEPT, Map.of("username", "ada", "email", "ada@example.com")))
                .progressConsumer(progress::add)
                .loggingConsumer(logs::add)
                .build();
        initialized = client.initialize();
    }

    @AfterAll
    void close() throws Exception {
        if (client != null) {
            client.closeGracefully();
            client.close();
        }
        stopServer();
    }

    static String text(CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }

    static CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(
                CallToolRequest.builder(tool).arguments(arguments).build());
    }

    @Test
    void initializesWithTheDemoServersInfoAndCapabilities() {
        assertThat(initialized.serverInfo().name()).isEqualTo("switchboard-demo");
        assertThat(initialized.protocolVersion()).isEqualTo(ProtocolVersions.MCP_2025_11_25);
        assertThat(initialized.capabilities().tools()).isNotNull();
        assertThat(initialized.capabilities().resources()).isNotNull();
        assertThat(initialized.capabilities().prompts()).isNotNull();
        assertThat(initialized.instructions()).contains("echo");
    }

    @Test
    void listsTheToolsAndCallsEchoAndAdd() {
        List<String> names =
                client.listTools().tools().stream().map(McpSchema.Tool::name).toList();

        CallToolResult echoed = call(client, "echo", Map.of("message", "hello from the SDK"));
        CallToolResult sum = call(client, "add", Map.of("a", 40, "b", 2));

        assertThat(names).contains("echo", "add", "test_sampling", "test_elicitation", "test_tool_with_progress");
        assertThat(text(echoed)).isEqualTo("hello from the SDK");
        assertThat(echoed.isError()).isNotEqualTo(Boolean.TRUE);
        assertThat(text(sum)).isEqualTo("42");
        assertThat(sum.structuredContent()).isEqualTo(Map.of("sum", 42));
    }

    @Test
    void matchesEachOfManyConcurrentCallsWithItsOwnResult() {
        int calls = 50;
        List<CompletableFuture<String>> answers = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < calls; i++) {
                String message = "sdk-call-" + i;
                answers.add(CompletableFuture.supplyAsync(
                        () -> text(call(client, "echo", Map.of("message", message))), threads));
            }
            for (int i = 0; i < calls; i++) {
                assertThat(answers.get(i).join()).isEqualTo("sdk-call-" + i);
            }
        }
    }

    @Test
    void deliversProgressNotificationsWithTheCallersToken() {
        String token = "sdk-progress-" + System.nanoTime();

        CallToolResult result = client.callTool(CallToolRequest.builder("test_tool_with_progress")
                .arguments(Map.of())
                .progressToken(token)
                .build());

        assertThat(text(result)).isEqualTo(token);
        // Every notification arrives with the caller's token. Their order is not asserted: the SDK's
        // client hands each notification to its handler on a scheduler of its own, so two that arrive in
        // one chunk (which happens on a loaded machine) can reach the handler in either order. Our own
        // client's order is asserted by ClientTransportContract.
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(progress)
                        .filteredOn(p -> token.equals(p.progressToken()))
                        .extracting(McpSchema.ProgressNotification::progress)
                        .containsExactlyInAnyOrder(0.0, 50.0, 100.0));
    }

    @Test
    void deliversLogMessagesAtTheLevelTheClientSet() {
        client.setLoggingLevel(McpSchema.LoggingLevel.INFO);

        call(client, "test_tool_with_logging", Map.of());

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(logs)
                        .extracting(McpSchema.LoggingMessageNotification::data)
                        .anySatisfy(d -> assertThat(d).contains("Tool execution completed")));
    }

    @Test
    void answersTheServersSamplingRequestWithTheSdkHandler() {
        CallToolResult result = call(client, "test_sampling", Map.of("prompt", "say something"));

        assertThat(text(result)).isEqualTo("LLM response: a canned reply");
        assertThat(samplingRequests).anySatisfy(r -> assertThat(r.maxTokens()).isEqualTo(100));
    }

    @Test
    void answersTheServersElicitationRequestWithTheSdkHandler() {
        CallToolResult result = call(client, "test_elicitation", Map.of("message", "who are you?"));

        assertThat(text(result))
                .startsWith("User response: action=accept")
                .contains("\"username\":\"ada\"", "\"email\":\"ada@example.com\"");
    }

    @Test
    void listsAndReadsResources() {
        List<String> uris = client.listResources().resources().stream()
                .map(McpSchema.Resource::uri)
                .toList();
        McpSchema.ReadResourceResult read = client.readResource(
                McpSchema.ReadResourceRequest.builder("test://static-text").build());
        List<String> templates = client.listResourceTemplates().resourceTemplates().stream()
                .map(McpSchema.ResourceTemplate::uriTemplate)
                .toList();

        assertThat(uris).contains("test://static-text", "test://static-binary");
        assertThat(((McpSchema.TextResourceContents) read.contents().get(0)).text())
                .isEqualTo("This is the content of the static text resource.");
        assertThat(templates).contains("test://template/{id}/data");
    }

    @Test
    void listsAndGetsPrompts() {
        List<String> names = client.listPrompts().prompts().stream()
                .map(McpSchema.Prompt::name)
                .toList();

        McpSchema.GetPromptResult prompt =
                client.getPrompt(McpSchema.GetPromptRequest.builder("test_prompt_with_arguments")
                        .arguments(Map.of("arg1", "first", "arg2", "second"))
                        .build());

        assertThat(names).contains("test_simple_prompt", "test_prompt_with_arguments");
        assertThat(((McpSchema.TextContent) prompt.messages().get(0).content()).text())
                .contains("first", "second");
    }
}
