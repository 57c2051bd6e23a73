package dev.switchboard.mcp.server.http;

import static dev.switchboard.mcp.server.http.McpTestClient.callTool;
import static dev.switchboard.mcp.server.http.McpTestClient.json;
import static dev.switchboard.mcp.server.http.McpTestClient.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.mcp.McpRuntime;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class StreamableHttpHandlerIT {
    private static McpRuntime runtime;
    private static HttpClient http;

    private final TestSessionFactory factory = new TestSessionFactory();
    private final List<McpHttpServer> servers = new ArrayList<>();

    @BeforeAll
    static void startRuntime() {
        runtime = new McpRuntime();
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    @AfterAll
    static void stopRuntime() {
        http.close();
        runtime.close();
    }

    @AfterEach
    void stopServers() {
        servers.forEach(McpHttpServer::close);
    }

    private McpHttpServer start(HttpServerTransportOptions options) {
        McpHttpServer server = new McpHttpServer(
                factory, runtime, McpHttpServerOptions.defaults().withTransport(options));
        servers.add(server);
        server.start();
        return server;
    }

    private McpTestClient client() {
        return client(HttpServerTransportOptions.defaults());
    }

    private McpTestClient client(HttpServerTransportOptions options) {
        return new McpTestClient(http, start(options).mcpEndpoint());
    }

    @Test
    void initializeOpensASessionWithAVisibleAsciiId() throws Exception {
        McpTestClient client = client();
        HttpResponse<String> response = client.post(null, McpTestClient.initializeBody("2025-06-18"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        String id = response.headers().firstValue("Mcp-Session-Id").orElseThrow();
        assertThat(id).hasSizeGreaterThanOrEqualTo(32).matches("[\\x21-\\x7E]+");
        assertThat(json(response.body()).path("result").path("protocolVersion").asString())
                .isEqualTo("2025-06-18");
    }

    @Test
    void answersWithJsonWhenNothingRelatedComesFirst() throws Exception {
        McpTestClient client = client();
        String session = client.initialize("2025-11-25");

        HttpResponse<String> response = client.post(session, callTool(2, "echo", "{\"text\":\"hi\"}"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode body = json(response.body());
        assertThat(body.path("id").asInt()).isEqualTo(2);
        assertThat(body.path("result").path("content").get(0).path("text").asString())
                .isEqualTo("hi");
    }

    @Test
    void streamsSseWhenProgressPrecedesTheResponse() throws Exception {
        McpTestClient client = client();
        String session = client.initialize("2025-11-25");

        HttpResponse<InputStream> response = client.postStreaming(
                session,
                request(
                        3,
                        "tools/call",
                        "{\"name\":\"progress\",\"arguments\":{},\"_meta\":{\"progressToken\":\"tok\"}}"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
        try (SseReader events = new SseReader(response.body())) {
            SseReader.Event progress = events.next();
            assertThat(progress.id()).isNotBlank();
            assertThat(json(progress.data()).path("method").asString()).isEqualTo("notifications/progress");
            assertThat(json(progress.data())
                            .path("params")
                            .path("progressToken")
                            .asString())
                    .isEqualTo("tok");
            SseReader.Event answer = events.next();
            assertThat(json(answer.data()).path("id").asInt()).isEqualTo(3);
            assertThat(json(answer.data())
                            .path("result")
                            .path("content")
                            .get(0)
                            .path("text")
                            .asString())
                    .isEqualTo("done");
            assertThat(events.endsWithin(Duration.ofSeconds(10))).isTrue();
        }
    }

    @Test
    void switchesASlowAnswerToSseWithKeepAlives() throws Exception {
        McpTestClient client =
                client(HttpServerTransportOptions.defaults().withKeepAliveInterval(Duration.ofMillis(100)));
        String session = client.initialize("2025-06-18");

        HttpResponse<InputStream> response = client.postStreaming(session, callTool(9, "wait", "{}"));

        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        factory.open("finally");
        try (SseReader events = new SseReader(response.body())) {
            assertThat(json(events.next().data())
                            .path("result")
                            .path("content")
                            .get(0)
                            .path("text")
                            .asString())
                    .isEqualTo("finally");
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void answersEveryStreamingCallWhenMoreStreamsAreOpenThanItKeepsForResumption() throws Exception {
        McpTestClient client =
                client(HttpServerTransportOptions.defaults().withKeepAliveInterval(Duration.ofMillis(50)));
        String session = client.initialize("2025-06-18");
        List<HttpResponse<InputStream>> responses = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            HttpResponse<InputStream> response = client.postStreaming(session, callTool(100 + i, "wait", "{}"));
            assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("text/event-stream");
            responses.add(response);
        }

        factory.open("all of them");

        for (HttpResponse<InputStream> response : responses) {
            try (SseReader events = new SseReader(response.body())) {
                SseReader.Event event = events.next();
                while (json(event.data()).path("result").isMissingNode()) {
                    event = events.next();
                }
                assertThat(json(event.data())
                                .path("result")
                                .path("content")
                                .get(0)
                                .path("text")
                                .asString())
                        .isEqualTo("all of them");
            }
        }
    }

    @Test
    void servesMoreOpenStreamsThanItHasPlatformThreads() throws Exception {
        McpTestClient client = client();
        List<InputStream> streams = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                HttpResponse<InputStream> get = client.get(client.initialize("2025-06-18"));
                assertThat(get.statusCode()).isEqualTo(200);
                streams.add(get.body());
            }
            String session = client.initialize("2025-06-18");
            assertThat(client.post(session, callTool(2, "echo", "{\"text\":\"ok\"}"))
                            .statusCode())
                    .isEqualTo(200);
        } finally {
            for (InputStream s : streams) {
                s.close();
            }
        }
    }

    @Test
    void routesAServerRequestOnThePostStreamAndTheClientAnswerBack() throws Exception {
        McpTestClient client = client();
        String session = client.initialize("2025-06-18");

        HttpResponse<InputStream> response = client.postStreaming(session, callTool(4, "sample", "{}"));

        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        try (SseReader events = new SseReader(response.body())) {
            JsonNode ask = json(events.next().data());
            assertThat(ask.path("method").asString()).isEqualTo("sampling/createMessage");
            String answer = "{\"jsonrpc\":\"2.0\",\"id\":" + ask.path("id")
                    + ",\"result\":{\"role\":\"assistant\",\"model\":\"m\",\"content\":{\"type\":\"text\",\"text\":\"hello\"}}}";
            assertThat(client.post(session, answer).statusCode()).isEqualTo(202);
            JsonNode result = json(events.next().data());
            assertThat(result.path("id").asInt()).isEqualTo(4);
            assertThat(result.path("result").path("content").get(0).path("text").asString())
                    .isEqualTo("sampled: hello");
        }
    }

    @Test
    void resumesAPostStreamWhoseConnectionTheServerClosedOnAGetWithLastEventId() throws Exception {
        McpTestClient client = client();
        String session = client.initialize("2025-11-25");

        HttpResponse<InputStream> post = client.postStreaming(session, callTool(6, "reconnect", "{}"));

        assertThat(post.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        String primingId;
        try (SseReader events = new SseReader(post.body())) {
            assertThat(events.endsWithin(Duration.ofSeconds(10))).isTrue();
            primingId = events.lastId();
            assertThat(events.retry()).as("the retry sent before ending early").isEqualTo("1000");
        }
        assertThat(primingId).isNotNull();
        HttpResponse<InputStream> resumed = client.get(session, "Last-Event-ID", primingId);
        try (SseReader events = new SseReader(resumed.body())) {
            JsonNode result = json(events.next().data());
            assertThat(result.path("id").asInt()).isEqualTo(6);
            assertThat(result.path("result").path("content").get(0).path("text").asString())
                    .isEqualTo("closed: true");
            assertThat(events.endsWithin(Duration.ofSeconds(10))).isTrue();
        }
    }

    @Test
    void deliversUnrelatedNotificationsOnTheGetStreamAndReplaysAfterLastEventId() throws Exception {
        McpTestClient client = client();
        String session = client.initialize("2025-11-25");
        // Sent before any GET stream is open: buffered, then delivered on connect.
        factory.lastSession().notify("notifications/message", json("{\"level\":\"info\",\"data\":\"one\"}"));

        HttpResponse<InputStream> first = client.get(session);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        String lastId;
        try (SseReader events = new SseReader(first.body())) {
            SseReader.Event one = events.next();
            assertThat(json(one.data()).path("params").path("data").asString()).isEqualTo("one");
            HttpResponse<String> call = client.post(session, callTool(5, "notify", "{}"));
            assertThat(json(call.body())
                            .path("result")
                            .path("content")
                            .get(0)
                            .path("text")
                            .asString())
                    .isEqualTo("notified");
            SseReader.Event changed = events.next();
            assertThat(json(changed.data()).path("method").asString()).isEqualTo("notifications/tools/list_changed");
            lastId = one.id();
        }
        factory.lastSession().notify("notifications/message", json("{\"level\":\"info\",\"data\":\"three\"}"));

        HttpResponse<InputStream> resumed = client.get(session, "Last-Event-ID", lastId);
        assertThat(resumed.statusCode()).isEqualTo(200);
        try (SseReader events = new SseReader(resumed.body())) {
            assertThat(json(events.next().data()).path("method").asString())
                    .isEqualTo("notifications/tools/list_changed");
            assertThat(json(events.next().data()).path("params").path("data").asString())
                    .isEqualTo("three");
        }
    }

    @Test
    void refusesASecondGetStreamWithConflict() throws Exception {
        McpTestClient client = client();
        String session = client.initialize("2025-06-18");
        HttpResponse<InputStream> first = client.get(session);
        try {
            assertThat(first.statusCode()).isEqualTo(200);
            HttpResponse<InputStream> second = client.get(session);
            second.body().close();
            assertThat(second.statusCode()).isEqualTo(409);
        } finally {
            first.body().close();
        }
    }

    @Test
    void deleteClosesTheSessionAndItsIdThenAnswers404() throws Exception {
        McpTestClient client = client();
        String session = client.initialize("2025-06-18");

        assertThat(client.delete(session).statusCode()).isEqualTo(200);

        // the expired session is closed on a virtual thread just after it leaves the registry
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !factory.lastSession().isOpen());
        assertThat(client.post(session, callTool(2, "echo", "{}")).statusCode()).isEqualTo(404);
        assertThat(client.delete(session).statusCode()).isEqualTo(404);
    }

    @Test
    void answers404ForAnUnknownSessionAnd400WithoutOne() throws Exception {
        McpTestClient client = client();

        HttpResponse<String> unknown = client.post("no-such-session", callTool(2, "echo", "{}"));
        HttpResponse<String> missing = client.post(null, callTool(2, "echo", "{}"));

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown.body()).path("error").path("code").asInt()).isEqualTo(-32000);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing.body()).path("error").path("message").asString())
                .contains("Mcp-Session-Id");
    }

    @Test
    void rejectsAnUnsupportedProtocolVersionHeader() throws Exception {
        McpTestClient client = client();
        String session = client.initialize("2025-06-18");

        HttpResponse<String> response =
                client.post(session, callTool(2, "echo", "{}"), "MCP-Protocol-Version", "1999-01-01");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).path("error").path("message").asString())
                .contains("1999-01-01");
    }

    @Test
    void closesSessionsThatStayIdle() throws Exception {
        McpHttpServer server =
                start(HttpServerTransportOptions.defaults().withSessionIdleTimeout(Duration.ofMillis(200)));
        McpTestClient client = new McpTestClient(http, server.mcpEndpoint());
        String session = client.initialize("2025-06-18");

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() ->
                        assertThat(server.streamableHandler().sessionCount()).isZero());

        // the expired session is closed on a virtual thread just after it leaves the registry
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !factory.lastSession().isOpen());
        assertThat(client.post(session, callTool(2, "echo", "{}")).statusCode()).isEqualTo(404);
    }

    @Test
    void refusesInitializeBeyondTheSessionCapWith503() throws Exception {
        McpTestClient client = client(HttpServerTransportOptions.defaults().withMaxSessions(2));
        client.initialize("2025-06-18");
        client.initialize("2025-06-18");

        HttpResponse<String> third = client.post(null, McpTestClient.initializeBody("2025-06-18"));

        assertThat(third.statusCode()).isEqualTo(503);
        assertThat(json(third.body()).path("error").path("message").asString()).contains("at most 2", "maxSessions");
    }

    @Test
    void forbidsAForeignOrigin() throws Exception {
        McpTestClient client = client();

        HttpResponse<String> response =
                client.post(null, McpTestClient.initializeBody("2025-06-18"), "Origin", "http://evil.example");
        HttpResponse<String> local =
                client.post(null, McpTestClient.initializeBody("2025-06-18"), "Origin", "http://localhost:6274");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response.body()).path("error").path("message").asString())
                .contains("evil.example");
        assertThat(local.statusCode()).isEqualTo(200);
    }

    @Test
    void forbidsAForeignHostAgainstDnsRebinding() throws Exception {
        McpHttpServer server = start(HttpServerTransportOptions.defaults());
        URI endpoint = server.mcpEndpoint();

        assertThat(rawInitialize(endpoint, "evil.example")).startsWith("HTTP/1.1 403");
        assertThat(rawInitialize(endpoint, "localhost:" + endpoint.getPort())).startsWith("HTTP/1.1 200");
    }

    private static String rawInitialize(URI endpoint, String host) throws Exception {
        byte[] body = McpTestClient.initializeBody("2025-06-18").getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + endpoint.getPath() + " HTTP/1.1\r\nHost: " + host
                            + "\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream"
                            + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void refusesABodyOverTheLimitWith413() throws Exception {
        McpTestClient client = client(HttpServerTransportOptions.defaults().withMaxRequestBodyBytes(1024));
        String session = client.initialize("2025-06-18");

        HttpResponse<String> response =
                client.post(session, callTool(2, "echo", "{\"text\":\"" + "x".repeat(2000) + "\"}"));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response.body()).path("error").path("message").asString())
                .contains("at most 1024");
    }

    @Test
    void answersMalformedJsonWith400AndAParseError() throws Exception {
        McpTestClient client = client();
        String session = client.initialize("2025-06-18");

        HttpResponse<String> response = client.post(session, "{\"jsonrpc\": \"2.0\", \"id\": 1, ");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = json(response.body());
        assertThat(body.path("error").path("code").asInt()).isEqualTo(-32700);
        assertThat(body.path("id").isNull()).isTrue();
    }

    @Test
    void acceptsABatchIn20250326() throws Exception {
        McpTestClient client = client();
        String session = client.initialize("2025-03-26");

        HttpResponse<String> response = client.post(
                session,
                "[" + request(7, "ping", "{}") + "," + callTool(8, "echo", "{\"text\":\"b\"}") + "]",
                "MCP-Protocol-Version",
                "2025-03-26");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response.body());
        assertThat(body.isArray()).isTrue();
        assertThat(body).extracting(n -> n.path("id").asInt()).containsExactlyInAnyOrder(7, 8);
    }

    @Test
    void rejectsABatchIn20250618() throws Exception {
        McpTestClient client = client();
        String session = client.initialize("2025-06-18");

        HttpResponse<String> response = client.post(
                session,
                "[" + request(7, "ping", "{}") + "," + request(8, "ping", "{}") + "]",
                "MCP-Protocol-Version",
                "2025-06-18");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).path("error").path("code").asInt()).isEqualTo(-32600);
    }

    @Test
    void answersAThousandConcurrentRequestsOnOneSession() throws Exception {
        McpTestClient client = client();
        String session = client.initialize("2025-06-18");
        int n = 1000;

        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            calls.add(client.postAsync(session, callTool(100 + i, "echo", "{\"text\":\"t" + i + "\"}")));
        }

        for (int i = 0; i < n; i++) {
            HttpResponse<String> response = calls.get(i).get();
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode body = json(response.body());
            assertThat(body.path("id").asInt()).isEqualTo(100 + i);
            assertThat(body.path("result").path("content").get(0).path("text").asString())
                    .isEqualTo("t" + i);
        }
    }
}
