package dev.switchboard.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for gateway tests. */
public final class TestHttp implements AutoCloseable {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI base;

    /** A client of the gateway at {@code base}. */
    public TestHttp(URI base) {
        this.base = base;
    }

    /** An answer: status, headers and body. */
    public record Reply(int status, HttpResponse<String> response) {
        /** The body as JSON. */
        public JsonNode json() {
            return MAPPER.readTree(response.body());
        }

        /** The body as text. */
        public String body() {
            return response.body();
        }

        /** A header, or {@code null}. */
        public @Nullable String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    /** A request builder for {@code path} with the API key {@code key} (none when {@code null}). */
    public HttpRequest.Builder request(String path, @Nullable String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return b;
    }

    /** GET {@code path}. */
    public Reply get(String path, @Nullable String key) {
        return send(request(path, key).GET().build());
    }

    /** POST {@code body} (JSON text) to {@code path}. */
    public Reply post(String path, @Nullable String key, String body) {
        return send(request(path, key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** Sends {@code request}. */
    public Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
