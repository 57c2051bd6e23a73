package dev.switchboard.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.mcp.client.McpClient;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import dev.switchboard.mcp.session.RequestOptions;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The aggregate view at {@code /mcp} with the demo server over stdio behind it and a server that
 * never starts, called by our client over Streamable HTTP (and legacy SSE): names, the whole
 * protocol relayed, and a down server left out while the other works.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AggregateViewIT {
    private static final String POLICY = Configs.withAuth("""
              policy:
                default: allow
                rules:
                  - user: restricted
                    servers: [demo]
                    deny: ["add"]
            """);

    private TestGateway gateway;

    @BeforeAll
    void start() {
        gateway = TestGateway.start(Configs.file(
                POLICY,
                Configs.demoStdio("demo", "eager: true", "timeouts: {connect: 20s, initialize: 20s, call: 3s}"),
                Configs.broken("broken")));
    }

    @AfterAll
    void stop() {
        gateway.close();
    }

    @Test
    void listsNamespacedToolsAndNamesTheServerThatIsDownWhileTheOtherWorks() {
        Recorder recorder = new Recorder();
        McpClient client = gateway.connect("/mcp", recorder);

        JsonNode listing = client.request("tools/list", null);

        assertThat(names(listing, "tools")).contains("demo__echo", "demo__add", "demo__slow");
        assertThat(names(listing, "tools")).noneMatch(name -> name.startsWith("broken__"));
        assertThat(listing.path("_meta")
                        .path("dev.switchboard/unavailable")
                        .valueStream()
                        .map(u -> u.path("server").asString(""))
                        .toList())
                .containsExactly("broken");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> recorder.notifications("notifications/message").stream()
                        .anyMatch(m -> m.path("level").asString().equals("warning")
                                && m.path("data").path("message").asString().contains("broken")));
        JsonNode echoed = client.callTool("demo__echo", args("message", "hello"));
        assertThat(text(echoed)).contains("hello");
    }

    @Test
    void answersAHiddenToolExactlyLikeAMissingOne() {
        McpClient restricted = gateway.connect("/mcp", null, "restricted");

        assertThat(names(restricted.request("tools/list", null), "tools"))
                .contains("demo__echo")
                .doesNotContain("demo__add");
        JsonRpcException hidden = rpcError(() -> restricted.callTool("demo__add", args("a", 1)));
        JsonRpcException missing = rpcError(() -> restricted.callTool("demo__nothing", args("a", 1)));
        assertThat(hidden.error().code()).isEqualTo(missing.error().code()).isEqualTo(-32602);
        assertThat(hidden.error().message()).isEqualTo("Unknown tool: demo__add");
        assertThat(missing.error().message()).isEqualTo("Unknown tool: demo__nothing");
    }

    @Test
    void relaysProgressWithTheClientsOwnToken() throws Exception {
        McpClient client = gateway.connect("/mcp", new Recorder());
        List<Double> progress = new CopyOnWriteArrayList<>();

        JsonNode result = client.session()
                .request(
                        "tools/call",
                        toolCall("demo__progress", args("steps", 3)),
                        RequestOptions.defaults()
                                .withProgress(
                                        p -> progress.add(p.path("progress").asDouble()), false))
                .get(20, TimeUnit.SECONDS);

        assertThat(result.path("isError").asBoolean(false)).isFalse();
        await().atMost(Duration.ofSeconds(5)).until(() -> progress.size() == 3);
        assertThat(progress).containsExactly(1.0, 2.0, 3.0);
    }

    @Test
    void cancellingAnUpstreamCallCancelsTheDownstreamOne() {
        Recorder recorder = new Recorder();
        McpClient client = gateway.connect("/mcp", recorder);

        CompletableFuture<JsonNode> call =
                client.session().request("tools/call", toolCall("demo__slow", args("ms", 60000)));
        await().atMost(Duration.ofSeconds(10)).until(() -> inFlight("demo") > 0);
        call.cancel(true);

        // the demo server logs when a slow call is cancelled, which the gateway relays
        await().atMost(Duration.ofSeconds(10))
                .until(() -> recorder.notifications("notifications/message").stream()
                        .anyMatch(m -> m.path("data").toString().contains("slow: cancelled")));
    }

    @Test
    void aServerThatGivesUpGivesTheCallerAnErrorResult() {
        McpClient client = gateway.connect("/mcp", null);

        JsonNode result = client.callTool("demo__slow", args("ms", 10000));

        assertThat(result.path("isError").asBoolean()).isTrue();
        assertThat(text(result)).contains("demo").contains("did not answer in time");
    }

    @Test
    void readsAResourceAndRelaysUpdatesToItsSubscriber() {
        Recorder recorder = new Recorder();
        McpClient client = gateway.connect("/mcp", recorder);

        JsonNode listing = client.request("resources/list", null);
        assertThat(listing.path("resources")
                        .valueStream()
                        .map(r -> r.path("uri").asString(""))
                        .toList())
                .contains("test://static-text");
        JsonNode read = client.request("resources/read", object("uri", "test://static-text"));
        assertThat(read.path("contents").get(0).path("text").asString()).isNotEmpty();

        client.request("resources/subscribe", object("uri", "test://watched-resource"));
        client.callTool("demo__update_resource", JsonNodeFactory.instance.objectNode());

        await().atMost(Duration.ofSeconds(10))
                .until(() -> recorder.notifications("notifications/resources/updated").stream()
                        .anyMatch(n -> n.path("uri").asString().equals("test://watched-resource")));
        client.request("resources/unsubscribe", object("uri", "test://watched-resource"));
    }

    @Test
    void getsANamespacedPromptAndCompletesItsArgument() {
        McpClient client = gateway.connect("/mcp", null);

        assertThat(names(client.request("prompts/list", null), "prompts")).contains("demo__test_simple_prompt");
        JsonNode prompt = client.request("prompts/get", object("name", "demo__test_simple_prompt"));
        assertThat(prompt.path("messages").isArray()).isTrue();

        ObjectNode complete = JsonNodeFactory.instance.objectNode();
        complete.putObject("ref").put("type", "ref/prompt").put("name", "demo__test_prompt_with_arguments");
        complete.putObject("argument").put("name", "arg1").put("value", "al");
        JsonNode completion = client.request("completion/complete", complete);
        assertThat(completion.path("completion").path("values").toString()).contains("alpha");
    }

    @Test
    void relaysLogMessagesAtOrAboveTheLevelTheClientSet() {
        Recorder recorder = new Recorder();
        McpClient client = gateway.connect("/mcp", recorder);

        client.request("logging/setLevel", object("level", "error"));
        client.callTool("demo__log", JsonNodeFactory.instance.objectNode());

        await().atMost(Duration.ofSeconds(10)).until(() -> levels(recorder).contains("emergency"));
        assertThat(levels(recorder))
                .contains("error", "critical", "alert", "emergency")
                .doesNotContain("debug", "info", "notice", "warning");
    }

    @Test
    void sendsListChangedWhenTheServerAddsAToolAtRuntime() {
        Recorder recorder = new Recorder();
        McpClient client = gateway.connect("/mcp", recorder);
        client.request("tools/list", null);

        client.callTool("demo__add_tool", object("name", "runtime_added"));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !recorder.notifications("notifications/tools/list_changed")
                        .isEmpty());
        assertThat(names(client.request("tools/list", null), "tools")).contains("demo__runtime_added");
        client.callTool("demo__remove_tool", object("name", "runtime_added"));
    }

    @Test
    void servesTheAggregateOverLegacySse() {
        McpClient client = gateway.connectSse(null);

        assertThat(names(client.request("tools/list", null), "tools")).contains("demo__echo");
        assertThat(text(client.callTool("demo__echo", args("message", "over sse"))))
                .contains("over sse");
    }

    @Test
    void answersAMalformedBodyWithAParseError() throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri("/mcp"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\""));
        gateway.headers(null).forEach(request::header);
        HttpResponse<String> response;
        try (HttpClient http = HttpClient.newHttpClient()) {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        JsonNode body = JsonMapper.shared().readTree(response.body());
        assertThat(body.path("error").path("code").asInt()).isEqualTo(-32700);
    }

    static List<String> names(JsonNode listing, String field) {
        return listing.path(field)
                .valueStream()
                .map(item -> item.path("name").asString(""))
                .toList();
    }

    static String text(JsonNode result) {
        return result.path("content").path(0).path("text").asString("");
    }

    static ObjectNode args(String key, Object value) {
        ObjectNode args = JsonNodeFactory.instance.objectNode();
        if (value instanceof Number n) {
            args.put(key, n.longValue());
        } else {
            args.put(key, String.valueOf(value));
        }
        return args;
    }

    static ObjectNode object(String key, String value) {
        return JsonNodeFactory.instance.objectNode().put(key, value);
    }

    static ObjectNode toolCall(String name, ObjectNode arguments) {
        ObjectNode params = JsonNodeFactory.instance.objectNode();
        params.put("name", name);
        params.set("arguments", arguments);
        return params;
    }

    static JsonRpcException rpcError(Runnable call) {
        Throwable[] thrown = {null};
        assertThatThrownBy(call::run).isInstanceOfSatisfying(JsonRpcException.class, e -> thrown[0] = e);
        return (JsonRpcException) thrown[0];
    }

    private static List<String> levels(Recorder recorder) {
        return recorder.notifications("notifications/message").stream()
                .filter(m -> m.path("logger").asString("").startsWith("demo"))
                .map(m -> m.path("level").asString())
                .toList();
    }

    private int inFlight(String server) {
        return gateway.switchboard.server(server).orElseThrow().status().inFlight();
    }
}
