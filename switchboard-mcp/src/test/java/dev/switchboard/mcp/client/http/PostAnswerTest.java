package dev.switchboard.mcp.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostAnswerTest {
    private static HttpResponse.ResponseInfo info(int status, String... headers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], List.of(headers[i + 1]));
        }
        HttpHeaders httpHeaders = HttpHeaders.of(map, (name, value) -> true);
        return new HttpResponse.ResponseInfo() {
            @Override
            public int statusCode() {
                return status;
            }

            @Override
            public HttpHeaders headers() {
                return httpHeaders;
            }

            @Override
            public HttpClient.Version version() {
                return HttpClient.Version.HTTP_1_1;
            }
        };
    }

    @Test
    void readsASuccessfulJsonAnswerOfADeclaredLengthWithinTheLimitWhole() {
        assertThat(PostAnswer.isJsonWithin(info(200, "Content-Type", "application/json", "Content-Length", "100"), 100))
                .isTrue();
        assertThat(PostAnswer.isJsonWithin(
                        info(200, "Content-Type", "Application/JSON; charset=utf-8", "Content-Length", "5"), 100))
                .isTrue();
    }

    @Test
    void streamsJsonOfUnknownOrExcessiveLength() {
        assertThat(PostAnswer.isJsonWithin(info(200, "Content-Type", "application/json"), 100))
                .isFalse();
        assertThat(PostAnswer.isJsonWithin(info(200, "Content-Type", "application/json", "Content-Length", "101"), 100))
                .isFalse();
    }

    @Test
    void streamsEventStreamsErrorsAndAccepted() {
        assertThat(PostAnswer.isJsonWithin(info(200, "Content-Type", "text/event-stream", "Content-Length", "5"), 100))
                .isFalse();
        assertThat(PostAnswer.isJsonWithin(info(500, "Content-Type", "application/json", "Content-Length", "5"), 100))
                .isFalse();
        assertThat(PostAnswer.isJsonWithin(info(404, "Content-Type", "application/json", "Content-Length", "5"), 100))
                .isFalse();
        assertThat(PostAnswer.isJsonWithin(info(202, "Content-Type", "application/json", "Content-Length", "0"), 100))
                .isFalse();
    }
}
