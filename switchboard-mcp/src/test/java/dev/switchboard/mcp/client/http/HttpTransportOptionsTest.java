package dev.switchboard.mcp.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpTransportOptionsTest {
    private static final URI ENDPOINT = URI.create("http://127.0.0.1:1/mcp");

    @Test
    void hasBoundedDefaults() {
        HttpTransportOptions options = HttpTransportOptions.of(ENDPOINT);
        assertThat(options.maxMessageBytes()).isEqualTo(4 * 1024 * 1024);
        assertThat(options.maxSseEventBytes()).isEqualTo(4 * 1024 * 1024);
        assertThat(options.maxConcurrentRequests()).isEqualTo(256);
        assertThat(options.maxReconnectAttempts()).isEqualTo(5);
        assertThat(options.openServerStream()).isTrue();
    }

    @Test
    void rejectsAnEndpointThatIsNotHttpWithoutEchoingSecrets() {
        assertThatThrownBy(() -> HttpTransportOptions.of(URI.create("ftp://u:pw@host/x?token=t")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("endpoint: ftp://host/x (expected: an absolute http or https URL)");
    }

    @Test
    void rejectsHeadersTheTransportSetsItself() {
        assertThatThrownBy(() -> HttpTransportOptions.builder(ENDPOINT)
                        .header("mcp-session-id", "x")
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("headers: mcp-session-id (expected: a header the transport does not set itself)");
    }

    @Test
    void rejectsNonPositiveLimitsAndContradictoryDelays() {
        assertThatThrownBy(() -> HttpTransportOptions.builder(ENDPOINT)
                        .maxMessageBytes(0)
                        .build())
                .hasMessage("maxMessageBytes: 0 (expected: > 0)");
        assertThatThrownBy(() -> HttpTransportOptions.builder(ENDPOINT)
                        .reconnectDelay(Duration.ofSeconds(5), Duration.ofSeconds(1))
                        .build())
                .hasMessage("maxReconnectDelay: PT1S (expected: at least reconnectDelay PT5S)");
    }
}
