package dev.switchboard.mcp.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Raw Streamable HTTP requests for tests, so that every header and status is visible. */
final class McpTestClient {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final URI endpoint;

    McpTestClient(HttpClient http, URI endpoint) {
        this.http = http;
        this.endpoint = endpoint;
    }

    static String request(long id, String method, String paramsJson) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + paramsJson + "}";
    }

    static String callTool(long id, String tool, String argumentsJson) {
        return request(id, "tools/call", "{\"name\":\"" + tool + "\",\"arguments\":" + argumentsJson + "}");
    }

    static String initializeBody(String version) {
        return request(
                1,
                "initialize",
                "{\"protocolVersion\":\"" + version
                        + "\",\"capabilities\":{\"sampling\":{}},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}");
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    HttpRequest.Builder builder(@Nullable String sessionId, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(20));
        if (sessionId != null) {
            b.header("Mcp-Session-Id", sessionId);
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        return b;
    }

    private HttpRequest postRequest(@Nullable String sessionId, String body, String... headers) {
        return builder(sessionId, headers)
                .header("Accept", "application/json, text/event-stream")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    HttpResponse<String> post(@Nullable String sessionId, String body, String... headers)
            throws IOException, InterruptedException {
        return http.send(postRequest(sessionId, body, headers), HttpResponse.BodyHandlers.ofString());
    }

    CompletableFuture<HttpResponse<String>> postAsync(@Nullable String sessionId, String body) {
        return http.sendAsync(postRequest(sessionId, body), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<InputStream> postStreaming(@Nullable String sessionId, String body, String... headers)
            throws IOException, InterruptedException {
        return http.send(postRequest(sessionId, body, headers), HttpResponse.BodyHandlers.ofInputStream());
    }

    HttpResponse<InputStream> get(String sessionId, String... headers) throws IOException, InterruptedException {
        HttpRequest request = builder(sessionId, headers)
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    HttpResponse<String> delete(String sessionId) throws IOException, InterruptedException {
        return http.send(builder(sessionId).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Initializes a session with {@code version}, sends notifications/initialized, returns the id. */
    String initialize(String version) throws IOException, InterruptedException {
        HttpResponse<String> response = post(null, initializeBody(version));
        assertThat(response.statusCode()).isEqualTo(200);
        String id = response.headers().firstValue("Mcp-Session-Id").orElseThrow();
        HttpResponse<String> initialized = post(
                id, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", "MCP-Protocol-Version", version);
        assertThat(initialized.statusCode()).isEqualTo(202);
        return id;
    }
}
