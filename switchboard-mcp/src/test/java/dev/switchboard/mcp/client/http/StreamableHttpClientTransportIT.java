package dev.switchboard.mcp.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.client.ClientOptions;
import dev.switchboard.mcp.client.McpClient;
import dev.switchboard.mcp.jsonrpc.JsonRpcNotification;
import dev.switchboard.mcp.jsonrpc.RequestId;
import dev.switchboard.mcp.session.IncomingHandler;
import dev.switchboard.mcp.session.IncomingRequest;
import dev.switchboard.mcp.session.RequestOptions;
import dev.switchboard.mcp.session.SessionOptions;
import dev.switchboard.mcp.transport.SessionExpiredException;
import dev.switchboard.mcp.transport.TransportException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class StreamableHttpClientTransportIT {
    private McpRuntime runtime;
    private ScriptedStreamableServer server;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        runtime = new McpRuntime();
        server = new ScriptedStreamableServer();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : toClose.reversed()) {
            c.close();
        }
        server.close();
        runtime.close();
    }

    private HttpTransportOptions.Builder options() {
        return HttpTransportOptions.builder(server.endpoint())
                .reconnectDelay(Duration.ofMillis(20), Duration.ofMillis(200));
    }

    private StreamableHttpClientTransport transport(HttpTransportOptions options, Runnable onReinitialized) {
        return new StreamableHttpClientTransport(runtime, options, onReinitialized);
    }

    private McpClient connect(StreamableHttpClientTransport transport) {
        return connect(transport, ClientOptions.of(runtime, "test"));
    }

    private McpClient connect(StreamableHttpClientTransport transport, ClientOptions clientOptions) {
        McpClient client = McpClient.connect(transport, clientOptions);
        toClose.add(client);
        return client;
    }

    private ObjectNode args(String key, Object value) {
        ObjectNode args = runtime.codec().object();
        args.putPOJO(key, value);
        return args;
    }

    private static String text(JsonNode result) {
        return result.path("content").path(0).path("text").asString();
    }

    @Test
    void callsToolsWithJsonResponses() {
        server.mode = ScriptedStreamableServer.Mode.JSON;
        McpClient client = connect(transport(options().build(), () -> {}));

        assertThat(client.protocolVersion().wire()).isEqualTo("2025-11-25");
        assertThat(text(client.callTool("echo", args("text", "hello")))).isEqualTo("hello");
        client.ping();
    }

    @Test
    void callsToolsWithSseResponses() {
        server.mode = ScriptedStreamableServer.Mode.SSE;
        McpClient client = connect(transport(options().build(), () -> {}));

        assertThat(text(client.callTool("echo", args("text", "over sse")))).isEqualTo("over sse");
    }

    @Test
    void sendsTheSessionIdTheProtocolVersionAndConfiguredHeaders() {
        StreamableHttpClientTransport transport =
                transport(options().header("Authorization", "Bearer t0ken").build(), () -> {});
        McpClient client = connect(transport);
        client.callTool("echo", args("text", "x"));

        List<ScriptedStreamableServer.Exchange> posts = server.exchanges().stream()
                .filter(e -> e.httpMethod().equals("POST"))
                .toList();
        assertThat(posts)
                .extracting(ScriptedStreamableServer.Exchange::rpcMethod)
                .containsExactly("initialize", "notifications/initialized", "tools/call");
        ScriptedStreamableServer.Exchange init = posts.get(0);
        assertThat(init.sessionId()).isNull();
        assertThat(init.protocolVersion()).isNull();
        for (ScriptedStreamableServer.Exchange e : posts) {
            assertThat(e.accept()).isEqualTo("application/json, text/event-stream");
            assertThat(e.contentType()).isEqualTo("application/json");
            assertThat(e.authorization()).isEqualTo("Bearer t0ken");
        }
        for (ScriptedStreamableServer.Exchange e : posts.subList(1, posts.size())) {
            assertThat(e.sessionId()).isEqualTo("s-1");
            assertThat(e.protocolVersion()).isEqualTo("2025-11-25");
        }
        assertThat(transport.sessionId()).isEqualTo("s-1");
        assertThat(transport.protocolVersion()).isEqualTo("2025-11-25");
    }

    @Test
    void omitsTheVersionHeaderForRevision20250326() {
        McpClient client = connect(
                transport(options().build(), () -> {}),
                ClientOptions.of(runtime, "old")
                        .withProtocolVersion(dev.switchboard.mcp.protocol.ProtocolVersion.V2025_03_26));
        client.callTool("echo", args("text", "x"));

        assertThat(server.exchanges())
                .filteredOn(e -> "tools/call".equals(e.rpcMethod()))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.sessionId()).isEqualTo("s-1");
                    assertThat(e.protocolVersion()).isNull();
                });
    }

    @Test
    void deliversAServerRequestOnAPostStreamWithTheIdOfThatPost() {
        server.mode = ScriptedStreamableServer.Mode.SSE;
        List<@Nullable RequestId> related = new CopyOnWriteArrayList<>();
        IncomingHandler sampling = new IncomingHandler() {
            @Override
            public CompletionStage<JsonNode> onRequest(IncomingRequest request) {
                related.add(request.related());
                ObjectNode result = runtime.codec().object();
                result.put("model", String.valueOf(request.related()));
                return CompletableFuture.completedFuture(result);
            }
        };
        ObjectNode caps = runtime.codec().object();
        caps.putObject("sampling");
        McpClient client = connect(
                transport(options().build(), () -> {}),
                ClientOptions.of(runtime, "test").withServerRequests(caps, sampling));

        String answer = text(client.callTool("ask", null));

        assertThat(related).singleElement().isNotNull();
        assertThat(answer).isEqualTo("answer:" + related.get(0) + " for:" + related.get(0));
    }

    @Test
    void deliversServerNotificationsFromTheGetStream() {
        List<String> received = new CopyOnWriteArrayList<>();
        List<@Nullable RequestId> related = new CopyOnWriteArrayList<>();
        IncomingHandler listener = new IncomingHandler() {
            @Override
            public CompletionStage<JsonNode> onRequest(IncomingRequest request) {
                return CompletableFuture.failedFuture(new IllegalStateException("unexpected"));
            }

            @Override
            public void onNotification(JsonRpcNotification notification, @Nullable RequestId rel) {
                received.add(notification.method());
                related.add(rel);
            }
        };
        connect(
                transport(options().build(), () -> {}),
                ClientOptions.of(runtime, "test")
                        .withServerRequests(runtime.codec().object(), listener));
        await().atMost(Duration.ofSeconds(30)).until(() -> server.openGetStreams() == 1);

        server.pushOnGetStream(new JsonRpcNotification("notifications/tools/list_changed", null));

        await().atMost(Duration.ofSeconds(30)).until(() -> received.contains("notifications/tools/list_changed"));
        assertThat(related).containsOnlyNulls();
        assertThat(server.exchanges())
                .filteredOn(e -> e.httpMethod().equals("GET"))
                .first()
                .satisfies(e -> {
                    assertThat(e.accept()).isEqualTo("text/event-stream");
                    assertThat(e.sessionId()).isEqualTo("s-1");
                });
    }

    @Test
    void worksWithAServerThatHasNoGetStream() {
        server.getStreamSupported = false;
        McpClient client = connect(transport(options().build(), () -> {}));
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        server.exchanges().stream().anyMatch(e -> e.httpMethod().equals("GET")));

        assertThat(text(client.callTool("echo", args("text", "still fine")))).isEqualTo("still fine");
        assertThat(server.exchanges())
                .filteredOn(e -> e.httpMethod().equals("GET"))
                .hasSize(1);
    }

    @Test
    void reinitializesTransparentlyWhenTheServerExpiresTheSession() {
        AtomicInteger hook = new AtomicInteger();
        StreamableHttpClientTransport transport = transport(options().build(), hook::incrementAndGet);
        McpClient client = connect(transport);
        client.callTool("echo", args("text", "before"));

        server.expireSessions();
        JsonNode after = client.callTool("echo", args("text", "after"));

        assertThat(text(after)).isEqualTo("after");
        assertThat(transport.reinitializations()).isEqualTo(1);
        assertThat(hook).hasValue(1);
        assertThat(server.initializations()).isEqualTo(2);
        assertThat(transport.sessionId()).isEqualTo("s-2");
        assertThat(server.exchanges())
                .filteredOn(e -> "tools/call".equals(e.rpcMethod()))
                .extracting(ScriptedStreamableServer.Exchange::sessionId)
                .containsExactly("s-1", "s-1", "s-2");
        assertThat(server.exchanges())
                .filteredOn(e -> "initialize".equals(e.rpcMethod()))
                .extracting(ScriptedStreamableServer.Exchange::sessionId)
                .containsOnlyNulls();
    }

    @Test
    void reinitializesOnceWhenManyRequestsFindTheSessionExpired() {
        StreamableHttpClientTransport transport = transport(options().build(), () -> {});
        McpClient client = connect(transport);
        client.ping();
        server.expireSessions();
        List<CompletableFuture<JsonNode>> calls = new ArrayList<>();

        for (int i = 0; i < 20; i++) {
            calls.add(client.callToolAsync("echo", args("text", "c" + i), RequestOptions.defaults()));
        }

        for (int i = 0; i < 20; i++) {
            assertThat(text(McpClientAwait.get(calls.get(i)))).isEqualTo("c" + i);
        }
        assertThat(transport.reinitializations()).isEqualTo(1);
        assertThat(server.initializations()).isEqualTo(2);
    }

    @Test
    void failsWithSessionExpiredWhenReinitializationFails() {
        StreamableHttpClientTransport transport = transport(options().build(), () -> {});
        McpClient client = connect(transport);
        client.ping();
        server.expireSessions();
        server.refuseInitialize = true;

        assertThatThrownBy(() -> client.callTool("echo", args("text", "lost")))
                .isInstanceOf(SessionExpiredException.class)
                .hasMessageContaining("could not be re-initialized")
                .hasMessageContaining("HTTP 500: initialize refused")
                .hasMessageContaining("was not retried")
                .satisfies(e -> assertThat(((SessionExpiredException) e).unprocessed())
                        .as("the server refused the POST unprocessed")
                        .isTrue());
        assertThat(transport.reinitializations()).isZero();
    }

    @Test
    void reopensTheGetStreamWithLastEventIdWhenItEnds() {
        List<String> received = new CopyOnWriteArrayList<>();
        IncomingHandler listener = new IncomingHandler() {
            @Override
            public CompletionStage<JsonNode> onRequest(IncomingRequest request) {
                return CompletableFuture.failedFuture(new IllegalStateException("unexpected"));
            }

            @Override
            public void onNotification(JsonRpcNotification notification, @Nullable RequestId rel) {
                received.add(notification.method());
            }
        };
        connect(
                transport(options().build(), () -> {}),
                ClientOptions.of(runtime, "test")
                        .withServerRequests(runtime.codec().object(), listener));
        await().atMost(Duration.ofSeconds(30)).until(() -> server.openGetStreams() == 1);
        server.pushOnGetStream(new JsonRpcNotification("notifications/first", null));
        await().atMost(Duration.ofSeconds(30)).until(() -> received.contains("notifications/first"));

        server.endGetStreams();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> server.exchanges().stream()
                        .anyMatch(e -> e.httpMethod().equals("GET") && e.lastEventId() != null));
        server.pushOnGetStream(new JsonRpcNotification("notifications/second", null));

        await().atMost(Duration.ofSeconds(30)).until(() -> received.contains("notifications/second"));
        assertThat(server.exchanges())
                .filteredOn(e -> e.httpMethod().equals("GET") && e.lastEventId() != null)
                .first()
                .satisfies(e -> assertThat(e.lastEventId()).startsWith("get-"));
    }

    @Test
    void resumesADroppedStreamWithLastEventId() {
        server.mode = ScriptedStreamableServer.Mode.SSE;
        List<@Nullable RequestId> progressRelated = new CopyOnWriteArrayList<>();
        IncomingHandler listener = new IncomingHandler() {
            @Override
            public CompletionStage<JsonNode> onRequest(IncomingRequest request) {
                return CompletableFuture.failedFuture(new IllegalStateException("unexpected"));
            }

            @Override
            public void onNotification(JsonRpcNotification notification, @Nullable RequestId rel) {
                progressRelated.add(rel);
            }
        };
        McpClient client = connect(
                transport(options().build(), () -> {}),
                ClientOptions.of(runtime, "test")
                        .withServerRequests(runtime.codec().object(), listener));

        JsonNode result = client.callTool("drop", null);

        assertThat(text(result)).isEqualTo("resumed");
        assertThat(progressRelated).isNotEmpty().doesNotContainNull();
        assertThat(server.exchanges())
                .filteredOn(e -> e.httpMethod().equals("GET") && e.lastEventId() != null)
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.lastEventId()).matches("ev-\\d+-[01]");
                    assertThat(e.sessionId()).isEqualTo("s-1");
                });
    }

    @Test
    void failsWithSessionExpiredWhenTheSessionIsGoneWhileResumingAStream() {
        server.mode = ScriptedStreamableServer.Mode.SSE;
        server.resumeStatus = 404;
        StreamableHttpClientTransport transport = transport(options().build(), () -> {});
        McpClient client = connect(transport);

        assertThatThrownBy(() -> client.callTool("drop", null))
                .isInstanceOf(SessionExpiredException.class)
                .hasMessageContaining("session expired")
                .hasMessageContaining("was not retried")
                .satisfies(e -> assertThat(((SessionExpiredException) e).unprocessed())
                        .as("the request ran before its stream broke")
                        .isFalse());
        assertThat(transport.reinitializations()).isZero();
        assertThat(server.exchanges())
                .filteredOn(e -> "tools/call".equals(e.rpcMethod()))
                .hasSize(1);
    }

    @Test
    void failsAnOversizedJsonResponseAndKeepsWorking() {
        McpClient client =
                connect(transport(options().maxMessageBytes(64 * 1024).build(), () -> {}));

        assertThatThrownBy(() -> client.callTool("big", args("size", 100_000)))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("more than 65536 bytes");
        assertThat(text(client.callTool("echo", args("text", "next")))).isEqualTo("next");
    }

    @Test
    void failsAnOversizedSseEventAndKeepsWorking() {
        server.mode = ScriptedStreamableServer.Mode.SSE;
        McpClient client =
                connect(transport(options().maxSseEventBytes(64 * 1024).build(), () -> {}));

        assertThatThrownBy(() -> client.callTool("big", args("size", 100_000)))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("more than 65536 bytes");
        assertThat(text(client.callTool("echo", args("text", "next")))).isEqualTo("next");
    }

    @Test
    void reportsAnHttpErrorWithStatusAndBodyButNoHeaders() {
        McpClient client = connect(
                transport(options().header("Authorization", "Bearer s3cret").build(), () -> {}));

        assertThatThrownBy(() -> client.callTool("fail", null))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("HTTP 500: boom: the tool broke")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void freesTheSlotOfARequestTheCallerGaveUpOn() {
        McpClient client = connect(transport(options().maxConcurrentRequests(1).build(), () -> {}));
        CompletableFuture<JsonNode> hanging =
                client.callToolAsync("hang", null, RequestOptions.defaults().withTimeout(Duration.ofMillis(200)));
        await().atMost(Duration.ofSeconds(30)).until(hanging::isDone);
        assertThat(hanging).isCompletedExceptionally();

        JsonNode next = McpClientAwait.get(client.callToolAsync(
                "echo", args("text", "slot freed"), RequestOptions.defaults().withTimeout(Duration.ofSeconds(10))));

        assertThat(text(next)).isEqualTo("slot freed");
    }

    @Test
    void failsARequestWhoseAnswerDoesNotStartWithinTheResponseTimeout() {
        McpClient client = connect(
                transport(options().responseTimeout(Duration.ofMillis(300)).build(), () -> {}));
        CompletableFuture<JsonNode> hanging =
                client.callToolAsync("hang", null, RequestOptions.defaults().withTimeout(Duration.ofMinutes(1)));

        await().atMost(Duration.ofSeconds(30)).until(hanging::isDone);

        assertThatThrownBy(hanging::join)
                .hasCauseInstanceOf(TransportException.class)
                .hasMessageContaining("no response headers in time");
        JsonNode next = McpClientAwait.get(client.callToolAsync(
                "echo", args("text", "still working"), RequestOptions.defaults().withTimeout(Duration.ofSeconds(10))));
        assertThat(text(next)).isEqualTo("still working");
    }

    @Test
    void answersAThousandConcurrentRequestsOnOneSession() {
        server.mode = ScriptedStreamableServer.Mode.MIXED;
        ClientOptions patient = ClientOptions.of(runtime, "test")
                .withSession(SessionOptions.of(runtime, "test").withRequestTimeout(Duration.ofMinutes(3)));
        McpClient client = connect(transport(options().build(), () -> {}), patient);
        List<CompletableFuture<JsonNode>> calls = new ArrayList<>();

        for (int i = 0; i < 1000; i++) {
            calls.add(client.callToolAsync("echo", args("text", "call-" + i), RequestOptions.defaults()));
        }

        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
                .orTimeout(60, TimeUnit.SECONDS)
                .join();
        for (int i = 0; i < 1000; i++) {
            assertThat(text(calls.get(i).join())).isEqualTo("call-" + i);
        }
        assertThat(server.initializations()).isEqualTo(1);
    }

    @Test
    void deletesTheSessionOnClose() {
        StreamableHttpClientTransport transport = transport(options().build(), () -> {});
        McpClient client = McpClient.connect(transport, ClientOptions.of(runtime, "test"));

        client.close();

        assertThat(server.exchanges())
                .filteredOn(e -> e.httpMethod().equals("DELETE"))
                .singleElement()
                .extracting(ScriptedStreamableServer.Exchange::sessionId)
                .isEqualTo("s-1");
        assertThat(client.session().isOpen()).isFalse();
        assertThatThrownBy(() -> client.callTool("echo", args("text", "late"))).isInstanceOf(TransportException.class);
    }

    @Test
    void describesTheEndpointWithoutQueryOrUserInfo() {
        URI secretive = URI.create("http://user:pw@127.0.0.1:1/mcp?api_key=abc#frag");
        StreamableHttpClientTransport transport =
                new StreamableHttpClientTransport(runtime, HttpTransportOptions.of(secretive));

        assertThat(transport.describe()).isEqualTo("http(http://127.0.0.1:1/mcp)");
    }
}
