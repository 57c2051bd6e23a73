package dev.switchboard.mcp.server.http;

import static dev.switchboard.mcp.server.http.McpTestClient.callTool;
import static dev.switchboard.mcp.server.http.McpTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.mcp.McpRuntime;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class LegacySseHandlerIT {
    private static McpRuntime runtime;
    private static HttpClient http;

    private final TestSessionFactory factory = new TestSessionFactory();
    private final List<McpHttpServer> servers = new ArrayList<>();

    @BeforeAll
    static void startRuntime() {
        runtime = new McpRuntime();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
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

    private static HttpResponse<InputStream> openStream(URI sse) throws Exception {
        HttpRequest get = HttpRequest.newBuilder(sse)
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        return http.send(get, HttpResponse.BodyHandlers.ofInputStream());
    }

    private static HttpResponse<String> post(URI uri, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void roundTripsInitializeAToolCallAndASamplingRequestOverTheStream() throws Exception {
        McpHttpServer server = start(HttpServerTransportOptions.defaults());
        HttpResponse<InputStream> stream = openStream(server.sseEndpoint());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");

        try (SseReader events = new SseReader(stream.body())) {
            SseReader.Event endpoint = events.next();
            assertThat(endpoint.name()).isEqualTo("endpoint");
            assertThat(endpoint.data()).startsWith("/message?sessionId=");
            URI messages = server.base().resolve(endpoint.data());

            assertThat(post(messages, McpTestClient.initializeBody("2024-11-05"))
                            .statusCode())
                    .isEqualTo(202);
            SseReader.Event init = events.next();
            assertThat(init.name()).isEqualTo("message");
            assertThat(json(init.data()).path("result").path("protocolVersion").asString())
                    .isEqualTo("2024-11-05");
            assertThat(post(messages, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
                            .statusCode())
                    .isEqualTo(202);

            post(messages, callTool(2, "echo", "{\"text\":\"legacy\"}"));
            assertThat(json(events.next().data())
                            .path("result")
                            .path("content")
                            .get(0)
                            .path("text")
                            .asString())
                    .isEqualTo("legacy");

            post(messages, callTool(3, "sample", "{}"));
            JsonNode ask = json(events.next().data());
            assertThat(ask.path("method").asString()).isEqualTo("sampling/createMessage");
            post(
                    messages,
                    "{\"jsonrpc\":\"2.0\",\"id\":" + ask.path("id")
                            + ",\"result\":{\"role\":\"assistant\",\"model\":\"m\",\"content\":{\"type\":\"text\",\"text\":\"yo\"}}}");
            assertThat(json(events.next().data())
                            .path("result")
                            .path("content")
                            .get(0)
                            .path("text")
                            .asString())
                    .isEqualTo("sampled: yo");
        }
    }

    @Test
    void answers404ForAnUnknownSessionAnd400WithoutOne() throws Exception {
        McpHttpServer server = start(HttpServerTransportOptions.defaults());

        HttpResponse<String> unknown =
                post(server.base().resolve("/message?sessionId=nope"), callTool(1, "echo", "{}"));
        HttpResponse<String> missing = post(server.base().resolve("/message"), callTool(1, "echo", "{}"));

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(missing.statusCode()).isEqualTo(400);
    }

    @Test
    void closesTheSessionWhenTheClientDropsTheStream() throws Exception {
        McpHttpServer server =
                start(HttpServerTransportOptions.defaults().withKeepAliveInterval(Duration.ofMillis(50)));
        HttpResponse<InputStream> stream = openStream(server.sseEndpoint());
        try (SseReader events = new SseReader(stream.body())) {
            events.next();
            assertThat(server.legacyHandler().sessionCount()).isEqualTo(1);
        }

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(server.legacyHandler().sessionCount()).isZero());
        assertThat(factory.lastSession().isOpen()).isFalse();
    }

    @Test
    void refusesAStreamBeyondTheSessionCapWith503() throws Exception {
        McpHttpServer server = start(HttpServerTransportOptions.defaults().withMaxSessions(1));
        HttpResponse<InputStream> first = openStream(server.sseEndpoint());
        try (SseReader events = new SseReader(first.body())) {
            events.next();
            HttpResponse<InputStream> second = openStream(server.sseEndpoint());
            second.body().close();
            assertThat(second.statusCode()).isEqualTo(503);
        }
    }
}
