package dev.switchboard.mcp.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import dev.switchboard.mcp.jsonrpc.JsonRpcNotification;
import dev.switchboard.mcp.jsonrpc.JsonRpcRequest;
import dev.switchboard.mcp.jsonrpc.JsonRpcResponse;
import dev.switchboard.mcp.jsonrpc.RequestId;
import dev.switchboard.mcp.protocol.McpMethods;
import dev.switchboard.mcp.transport.TransportException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class McpSessionTest {
    private final McpRuntime runtime = new McpRuntime();
    private final PipeTransport[] pipe = PipeTransport.pair();
    private final McpSession client = new McpSession(pipe[0], SessionOptions.of(runtime, "client"));
    private final McpSession server = new McpSession(pipe[1], SessionOptions.of(runtime, "server"));
    private final List<IncomingRequest> seen = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    /** Echoes params back; "hang" waits for the latch; "fail" throws; "boom" throws a plain exception. */
    private final IncomingHandler serverHandler = new IncomingHandler() {
        @Override
        public CompletionStage<JsonNode> onRequest(IncomingRequest request) {
            seen.add(request);
            switch (request.method()) {
                case "hang" -> {
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                case "fail" -> throw new JsonRpcException(JsonRpcError.INVALID_PARAMS, "bad x");
                case "boom" -> throw new IllegalStateException("kaput");
                case "progress" -> {
                    request.progress(1, 2.0, "half");
                    request.progress(2, 2.0, null);
                }
                default -> {}
            }
            JsonNode params = request.params();
            return CompletableFuture.completedFuture(params == null ? request.paramsObject() : params);
        }
    };

    @AfterEach
    void tearDown() {
        release.countDown();
        client.close();
        server.close();
        runtime.close();
    }

    private void startBoth() {
        server.start(serverHandler);
        client.start(new IncomingHandler() {
            @Override
            public CompletionStage<JsonNode> onRequest(IncomingRequest request) {
                return CompletableFuture.completedFuture(client.codec().object().put("from", "client"));
            }
        });
    }

    private ObjectNode obj(String key, Object value) {
        return client.codec().mapper().valueToTree(java.util.Map.of(key, value));
    }

    @Test
    void correlatesAThousandConcurrentRequestsById() throws Exception {
        startBoth();
        List<CompletableFuture<JsonNode>> futures = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            futures.add(client.request("echo", obj("n", i)));
        }
        for (int i = 0; i < 1000; i++) {
            assertThat(futures.get(i).get(10, TimeUnit.SECONDS).path("n").asInt())
                    .isEqualTo(i);
        }
        assertThat(client.pendingRequests()).isZero();
        await().until(() -> server.requestsInFlight() == 0);
    }

    @Test
    void timesOutSendsCancellationAndLeavesNothingPending() {
        startBoth();
        CompletableFuture<JsonNode> f =
                client.request("hang", null, RequestOptions.defaults().withTimeout(Duration.ofMillis(100)));
        assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(McpTimeoutException.class)
                .hasMessageContaining("hang got no response within 100 ms");
        assertThat(client.pendingRequests()).isZero();
        await().until(() -> !seen.isEmpty() && seen.get(0).isCancelled());
        assertThat(seen.get(0).cancelReason()).contains("timed out");
        release.countDown();
        await().until(() -> server.requestsInFlight() == 0);
        // the cancelled request is never answered
        assertThat(pipe[1].sent).noneMatch(s -> s.message() instanceof JsonRpcResponse);
    }

    @Test
    void callerCancellationReachesThePeerHandler() {
        startBoth();
        CompletableFuture<JsonNode> f = client.request("hang", null);
        await().until(() -> !seen.isEmpty());
        assertThat(f.cancel(true)).isTrue();
        await().until(() -> seen.get(0).isCancelled());
        assertThat(seen.get(0).cancelReason()).isEqualTo("cancelled by the caller");
        assertThat(client.pendingRequests()).isZero();
        assertThat(pipe[0].sent)
                .anyMatch(s -> s.message() instanceof JsonRpcNotification n
                        && n.method().equals(McpMethods.CANCELLED));
    }

    @Test
    void routesProgressToTheRequestUnderATokenOfItsOwn() throws Exception {
        startBoth();
        List<ObjectNode> progress = new CopyOnWriteArrayList<>();
        ObjectNode params = obj("x", 1);
        JsonNode result = client.request(
                        "progress", params, RequestOptions.defaults().withProgress(progress::add, false))
                .get(5, TimeUnit.SECONDS);
        await().until(() -> progress.size() == 2);
        assertThat(progress.get(0).path("message").asString()).isEqualTo("half");
        assertThat(result.path("_meta").path("progressToken").asString()).startsWith("p");
        assertThat(params.has("_meta")).as("caller's params are not mutated").isFalse();
    }

    @Test
    void answersPingItself() throws Exception {
        startBoth();
        assertThat(client.request(McpMethods.PING, null)
                        .get(5, TimeUnit.SECONDS)
                        .isEmpty())
                .isTrue();
        assertThat(seen).isEmpty();
    }

    @Test
    void mapsHandlerFailuresToJsonRpcErrors() {
        startBoth();
        assertThatThrownBy(() -> client.request("fail", null).get(5, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(
                        JsonRpcException.class,
                        e -> assertThat(e.error().code()).isEqualTo(-32602));
        assertThatThrownBy(() -> client.request("boom", null).get(5, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(JsonRpcException.class, e -> {
                    assertThat(e.error().code()).isEqualTo(JsonRpcError.INTERNAL_ERROR);
                    assertThat(e.error().message()).isEqualTo("kaput");
                });
    }

    @Test
    void failsPendingRequestsWhenTheSessionCloses() {
        startBoth();
        CompletableFuture<JsonNode> f = client.request("hang", null);
        await().until(() -> !seen.isEmpty());
        server.close();
        assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(
                        TransportException.class,
                        e -> assertThat(e.unprocessed())
                                .as("the peer had the request: it may have run")
                                .isFalse())
                .hasMessageContaining("session client is closed");
        assertThat(client.pendingRequests()).isZero();
        assertThat(client.isOpen()).isFalse();
        assertThatThrownBy(() -> client.request("echo", null).get())
                .cause()
                .isInstanceOfSatisfying(
                        TransportException.class,
                        e -> assertThat(e.unprocessed())
                                .as("sent after the close: never left the session")
                                .isTrue());
    }

    @Test
    void failsARequestThatCannotBeSent() {
        startBoth();
        pipe[0].failSends = true;
        assertThatThrownBy(() -> client.request("echo", null).get(5, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(
                        TransportException.class,
                        e -> assertThat(e.unprocessed()).isTrue());
        assertThat(client.pendingRequests()).isZero();
    }

    @Test
    void nestedRequestsTravelWithTheRequestBeingHandled() throws Exception {
        List<@Nullable Object> relatedSeenByClient = new CopyOnWriteArrayList<>();
        server.start(request -> request.request("sampling/createMessage", null, RequestOptions.defaults())
                .thenApply(answer -> answer));
        client.start(new IncomingHandler() {
            @Override
            public CompletionStage<JsonNode> onRequest(IncomingRequest request) {
                relatedSeenByClient.add(request.related());
                return CompletableFuture.completedFuture(client.codec().object().put("model", "m"));
            }
        });
        JsonNode result = client.request("tools/call", null).get(5, TimeUnit.SECONDS);
        assertThat(result.path("model").asString()).isEqualTo("m");
        JsonRpcRequest callSent = (JsonRpcRequest) pipe[0].sent.get(0).message();
        assertThat(pipe[1].sent)
                .anyMatch(s -> s.message() instanceof JsonRpcRequest r
                        && r.method().equals("sampling/createMessage")
                        && callSent.id().equals(s.related()));
        assertThat(relatedSeenByClient).containsExactly(callSent.id());
    }

    @Test
    void whatArrivesWithAPendingRequestGoesToItsRelatedHandler() throws Exception {
        List<String> seenBySession = new CopyOnWriteArrayList<>();
        List<String> seenByCall = new CopyOnWriteArrayList<>();
        server.start(request -> {
            request.notify("notifications/message", null);
            return request.request("sampling/createMessage", null, RequestOptions.defaults());
        });
        client.start(new IncomingHandler() {
            @Override
            public CompletionStage<JsonNode> onRequest(IncomingRequest request) {
                seenBySession.add(request.method());
                return CompletableFuture.completedFuture(client.codec().object());
            }

            @Override
            public void onNotification(JsonRpcNotification notification, @Nullable RequestId related) {
                seenBySession.add(notification.method());
            }
        });
        IncomingHandler callHandler = new IncomingHandler() {
            @Override
            public CompletionStage<JsonNode> onRequest(IncomingRequest request) {
                seenByCall.add(request.method());
                return CompletableFuture.completedFuture(client.codec().object().put("model", "call"));
            }

            @Override
            public void onNotification(JsonRpcNotification notification, @Nullable RequestId related) {
                seenByCall.add(notification.method());
            }
        };

        JsonNode result = client.request(
                        "tools/call", null, RequestOptions.defaults().withRelatedHandler(callHandler))
                .get(5, TimeUnit.SECONDS);

        assertThat(result.path("model").asString()).isEqualTo("call");
        assertThat(seenByCall).containsExactly("notifications/message", "sampling/createMessage");
        assertThat(seenBySession).isEmpty();
    }

    @Test
    void rejectsStartingTwice() {
        startBoth();
        assertThatThrownBy(() -> client.start(serverHandler)).isInstanceOf(IllegalStateException.class);
    }
}
