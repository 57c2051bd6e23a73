package dev.switchboard.mcp.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class EndpointUriTest {

    @Test
    void redactsUserInfoQueryAndFragment() {
        assertThat(EndpointUri.redact(URI.create("https://me:secret@api.example.com:8443/mcp?key=k#x")))
                .isEqualTo("https://api.example.com:8443/mcp");
    }

    @Test
    void treatsDefaultPortsAsExplicit() {
        assertThat(EndpointUri.sameOrigin(URI.create("http://h/sse"), URI.create("http://h:80/messages")))
                .isTrue();
        assertThat(EndpointUri.sameOrigin(URI.create("https://H/sse"), URI.create("https://h:443/m")))
                .isTrue();
    }

    @Test
    void distinguishesSchemeHostAndPort() {
        URI sse = URI.create("http://127.0.0.1:8080/sse");
        assertThat(EndpointUri.sameOrigin(sse, URI.create("https://127.0.0.1:8080/m")))
                .isFalse();
        assertThat(EndpointUri.sameOrigin(sse, URI.create("http://127.0.0.2:8080/m")))
                .isFalse();
        assertThat(EndpointUri.sameOrigin(sse, URI.create("http://127.0.0.1:8081/m")))
                .isFalse();
        assertThat(EndpointUri.sameOrigin(sse, sse.resolve("/messages?session=1")))
                .isTrue();
    }
}
