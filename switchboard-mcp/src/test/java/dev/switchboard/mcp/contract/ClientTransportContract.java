package dev.switchboard.mcp.contract;

import static dev.switchboard.mcp.contract.Payloads.allText;
import static dev.switchboard.mcp.contract.Payloads.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.client.ClientOptions;
import dev.switchboard.mcp.client.McpClient;
import dev.switchboard.mcp.contract.TargetProfile.Call;
import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import dev.switchboard.mcp.protocol.McpMethods;
import dev.switchboard.mcp.protocol.ProtocolVersion;
import dev.switchboard.mcp.session.McpTimeoutException;
import dev.switchboard.mcp.session.RequestOptions;
import dev.switchboard.mcp.testing.RecordingClientHandler;
import dev.switchboard.mcp.transport.Transport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What every client transport must do the same way, whatever carries the messages: the handshake,
 * listing and calling tools (large, unicode and concurrent), errors of both kinds, progress,
 * timeouts that cancel, ping, resources, prompts, the server's own requests, and a clean close.
 *
 * <p>A subclass starts its target server once ({@code @BeforeAll}; the runtime exists by then),
 * makes a new, not yet started transport to it with {@link #newTransport}, names what it offers with
 * {@link #profile}, and says how a released session shows with {@link #awaitReleasedByServer}. Each
 * test opens a session of its own; every target runs every test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
abstract class ClientTransportContract {
    /** The wait for anything asynchronous. */
    protected static final Duration WAIT = Duration.ofSeconds(30);

    private static final String SAMPLED = "Hello from the client's model";
    private static final int LARGE_BYTES = 1024 * 1024;
    private static final int CONCURRENT_CALLS = 200;

    protected McpRuntime runtime;
    protected RecordingClientHandler handler;
    private final List<McpClient> clients = new ArrayList<>();

    /** A new transport to the target, not started. */
    protected abstract Transport newTransport() throws Exception;

    /** What the target offers. */
    protected abstract TargetProfile profile();

    /**
     * Waits until the target let go of the session whose transport was just closed: the process
     * exited, the server dropped the session, or it logged the end of the session.
     */
    protected abstract void awaitReleasedByServer(Transport closed) throws Exception;

    @BeforeAll
    void startRuntime() {
        runtime = new McpRuntime();
    }

    @AfterAll
    void stopRuntime() {
        runtime.close();
    }

    @AfterEach
    void closeClients() {
        clients.forEach(McpClient::close);
        clients.clear();
    }

    /** Opens a session with sampling and elicitation declared and answered by {@link #handler}. */
    protected McpClient connect() throws Exception {
        handler = new RecordingClientHandler()
                .answer(McpMethods.SAMPLING_CREATE_MESSAGE, r -> sampled())
                .answer(McpMethods.ELICITATION_CREATE, r -> object().put("action", "decline"));
        ObjectNode caps = object();
        caps.putObject("sampling");
        caps.putObject("elicitation");
        ClientOptions options = ClientOptions.of(runtime, "contract").withServerRequests(caps, handler);
        McpClient client = McpClient.connect(
                newTransport(), options.withSession(options.session().withRequestTimeout(WAIT)));
        clients.add(client);
        return client;
    }

    @Test
    void agreesOnTheLatestRevisionAndReportsTheServersInfo() throws Exception {
        McpClient client = connect();

        assertThat(client.protocolVersion()).isEqualTo(ProtocolVersion.LATEST);
        assertThat(client.serverInfo().path("name").asString())
                .isEqualTo(profile().serverName());
        assertThat(client.serverInfo().path("version").asString()).isNotBlank();
        assertThat(client.serverCapabilities().has("tools")).isTrue();
    }

    @Test
    void listsEveryToolOnceFollowingTheCursor() throws Exception {
        McpClient client = connect();

        List<JsonNode> tools = client.listAllTools();
        JsonNode firstPage = client.listTools(null);

        List<String> names = tools.stream().map(t -> t.path("name").asString()).toList();
        assertThat(names).doesNotHaveDuplicates().containsAll(profile().requiredTools());
        assertThat(tools)
                .allSatisfy(t -> assertThat(t.path("inputSchema").path("type").asString())
                        .isEqualTo("object"));
        if (profile().pageSize() > 0) {
            assertThat(firstPage.path("tools").size()).isEqualTo(profile().pageSize());
            assertThat(firstPage.path("nextCursor").asString()).isNotEmpty();
            assertThat(tools).hasSizeGreaterThan(profile().pageSize());
        }
    }

    @Test
    void echoesUnicodeAndJsonEscapesUnchanged() throws Exception {
        McpClient client = connect();
        String message = Payloads.UNICODE;

        assertThat(text(echo(client, message))).isEqualTo(profile().echoPrefix() + message);
    }

    @Test
    void echoesAOneMebibyteArgumentUnchanged() throws Exception {
        McpClient client = connect();
        String message = Payloads.large(LARGE_BYTES);

        JsonNode result = echo(client, message);

        assertThat(message.getBytes(StandardCharsets.UTF_8).length).isGreaterThanOrEqualTo(LARGE_BYTES);
        assertThat(text(result)).isEqualTo(profile().echoPrefix() + message);
    }

    @Test
    void reportsAFailingToolAsAResultWithIsError() throws Exception {
        McpClient client = connect();
        Call call = profile().errorResult();

        JsonNode result = client.callTool(call.tool(), call.arguments());

        assertThat(result.path("isError").asBoolean()).isTrue();
        assertThat(text(result)).isNotBlank();
    }

    @Test
    void rejectsAnUnknownToolTheWayTheTargetDeclares() throws Exception {
        McpClient client = connect();
        String tool = "no_such_tool_" + System.nanoTime();

        if (profile().unknownToolIsProtocolError()) {
            assertThatThrownBy(() -> client.callTool(tool, object()))
                    .isInstanceOf(JsonRpcException.class)
                    .hasMessageContaining(tool);
        } else {
            JsonNode result = client.callTool(tool, object());
            assertThat(result.path("isError").asBoolean()).isTrue();
            assertThat(text(result)).contains(tool);
        }
        assertThat(text(echo(client, "still there"))).endsWith("still there");
    }

    @Test
    void answersAnUnknownMethodWithAJsonRpcMethodNotFoundError() throws Exception {
        McpClient client = connect();

        assertThatThrownBy(() -> client.request("no/such/method", object()))
                .isInstanceOfSatisfying(
                        JsonRpcException.class,
                        e -> assertThat(e.error().code()).isEqualTo(JsonRpcError.METHOD_NOT_FOUND));
        client.ping();
    }

    @Test
    void answersTwoHundredConcurrentCallsEachWithItsOwnPayload() throws Exception {
        McpClient client = connect();
        List<CompletableFuture<JsonNode>> calls = new ArrayList<>();

        for (int i = 0; i < CONCURRENT_CALLS; i++) {
            calls.add(client.callToolAsync(
                    profile().echoTool(),
                    object().put(profile().echoArgument(), "call " + i + " ✓"),
                    RequestOptions.defaults()));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        for (int i = 0; i < CONCURRENT_CALLS; i++) {
            assertThat(text(calls.get(i).join())).isEqualTo(profile().echoPrefix() + "call " + i + " ✓");
        }
        assertThat(client.session().pendingRequests()).isZero();
    }

    @Test
    void deliversProgressNotificationsToTheCallerBeforeTheResult() throws Exception {
        McpClient client = connect();
        List<ObjectNode> progress = new CopyOnWriteArrayList<>();
        Call call = profile().progress();

        JsonNode result = client.callToolAsync(
                        call.tool(), call.arguments(), RequestOptions.defaults().withProgress(progress::add, false))
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(result.path("isError").asBoolean()).isFalse();
        assertThat(progress).hasSize(profile().progressSteps());
        assertThat(progress)
                .extracting(p -> p.path("progress").asDouble())
                .isSorted()
                .doesNotHaveDuplicates();
        assertThat(progress)
                .allSatisfy(p -> assertThat(p.path("total").asDouble())
                        .isEqualTo(profile().progressSteps()));
    }

    @Test
    void timesOutASlowCallCancelsItAndKeepsTheSessionUsable() throws Exception {
        McpClient client = connect();
        Call slow = profile().slow();

        CompletableFuture<JsonNode> call = client.callToolAsync(
                slow.tool(), slow.arguments(), RequestOptions.defaults().withTimeout(Duration.ofMillis(500)));

        assertThatThrownBy(() -> call.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(McpTimeoutException.class);
        assertThat(text(echo(client, "after the timeout"))).endsWith("after the timeout");
        client.ping();
        assertThat(client.session().pendingRequests()).isZero();
        if (profile().logsCancellation()) {
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(handler.notifications(McpMethods.LOGGING_MESSAGE))
                            .extracting(n -> n.params().path("data").asString())
                            .anyMatch(data -> data.startsWith("slow: cancelled")));
        }
    }

    @Test
    void answersPing() throws Exception {
        McpClient client = connect();

        client.ping();
        client.ping();

        assertThat(client.session().isOpen()).isTrue();
    }

    @Test
    void listsAndReadsResources() throws Exception {
        McpClient client = connect();
        String uri = profile().resourceUri();

        List<JsonNode> resources = client.listAll(McpMethods.RESOURCES_LIST, "resources", 20);
        JsonNode read = client.request(McpMethods.RESOURCES_READ, object().put("uri", uri));

        assertThat(resources).extracting(r -> r.path("uri").asString()).contains(uri);
        assertThat(read.path("contents").path(0).path("uri").asString()).isEqualTo(uri);
        assertThat(read.path("contents").path(0).path("text").asString()).isNotEmpty();
    }

    @Test
    void listsAndGetsPrompts() throws Exception {
        McpClient client = connect();
        ObjectNode get = object().put("name", profile().prompt());
        get.set("arguments", profile().promptArguments());

        List<JsonNode> prompts = client.listAll(McpMethods.PROMPTS_LIST, "prompts", 20);
        JsonNode messages = client.request(McpMethods.PROMPTS_GET, get).path("messages");

        assertThat(prompts)
                .extracting(p -> p.path("name").asString())
                .contains(profile().prompt());
        assertThat(messages.isArray()).isTrue();
        assertThat(messages.size()).isPositive();
        profile()
                .promptArguments()
                .values()
                .forEach(v -> assertThat(messages.toString()).contains(v.asString()));
    }

    @Test
    void answersTheServersSamplingRequestThroughTheClientHandler() throws Exception {
        McpClient client = connect();
        Call call = profile().sampling();

        JsonNode result = client.callTool(call.tool(), call.arguments());

        assertThat(result.path("isError").asBoolean()).isFalse();
        assertThat(allText(result)).contains(SAMPLED);
        assertThat(handler.requests(McpMethods.SAMPLING_CREATE_MESSAGE)).hasSize(1);
    }

    @Test
    void answersTheServersElicitationRequestThroughTheClientHandler() throws Exception {
        McpClient client = connect();
        Call call = profile().elicitation();

        JsonNode result = client.callTool(call.tool(), call.arguments());

        assertThat(result.path("isError").asBoolean()).isFalse();
        assertThat(allText(result)).contains("decline");
        assertThat(handler.requests(McpMethods.ELICITATION_CREATE)).hasSize(1);
    }

    @Test
    void closesCleanlyAndRefusesRequestsAfterwards() throws Exception {
        McpClient client = connect();
        Transport transport = client.session().transport();
        client.ping();

        client.close();

        assertThat(client.session().isOpen()).isFalse();
        assertThatThrownBy(client::ping).isInstanceOf(RuntimeException.class);
        awaitReleasedByServer(transport);
    }

    // ---- helpers

    /** A new empty JSON object. */
    protected ObjectNode object() {
        return runtime.codec().object();
    }

    private JsonNode echo(McpClient client, String message) {
        return client.callTool(profile().echoTool(), object().put(profile().echoArgument(), message));
    }

    private ObjectNode sampled() {
        ObjectNode answer = object().put("role", "assistant").put("model", "contract-model");
        answer.put("stopReason", "endTurn");
        answer.putObject("content").put("type", "text").put("text", SAMPLED);
        return answer;
    }
}
