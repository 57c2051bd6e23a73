package dev.switchboard.mcp.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AllowedOriginsTest {
    @Test
    void defaultAllowsLoopbackPagesAndRequestsWithoutOrigin() {
        AllowedOrigins origins = AllowedOrigins.loopback();

        assertThat(origins.allows(null)).isTrue();
        assertThat(origins.allows("http://localhost:6274")).isTrue();
        assertThat(origins.allows("https://127.0.0.1")).isTrue();
        assertThat(origins.allows("http://[::1]:3000")).isTrue();
    }

    @Test
    void defaultRefusesForeignAndOpaqueOrigins() {
        AllowedOrigins origins = AllowedOrigins.loopback();

        assertThat(origins.allows("http://evil.example")).isFalse();
        assertThat(origins.allows("http://localhost.evil.example")).isFalse();
        assertThat(origins.allows("null")).isFalse();
        assertThat(origins.allows("file://localhost")).isFalse();
    }

    @Test
    void listMatchesSchemeHostAndPort() {
        AllowedOrigins origins = AllowedOrigins.of(List.of("https://app.example.com", "http://dev.example.com:3000"));

        assertThat(origins.allows("https://app.example.com:443")).isTrue();
        assertThat(origins.allows("http://app.example.com")).isFalse();
        assertThat(origins.allows("http://dev.example.com:3000")).isTrue();
        assertThat(origins.allows("http://dev.example.com:3001")).isFalse();
    }

    @Test
    void anyAllowsEverything() {
        assertThat(AllowedOrigins.any().allows("http://evil.example")).isTrue();
    }

    @Test
    void rejectsAMalformedEntryNamingIt() {
        assertThatThrownBy(() -> AllowedOrigins.of(List.of("localhost:3000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("allowedOrigins: \"localhost:3000\"");
    }
}
