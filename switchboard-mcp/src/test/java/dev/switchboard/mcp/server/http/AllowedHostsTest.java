package dev.switchboard.mcp.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AllowedHostsTest {
    @Test
    void defaultAllowsLoopbackNamesWithAnyPortOnALoopbackConnection() {
        AllowedHosts hosts = AllowedHosts.loopbackWhenLocal();

        assertThat(hosts.allows("localhost:3000", true)).isTrue();
        assertThat(hosts.allows("127.0.0.1", true)).isTrue();
        assertThat(hosts.allows("[::1]:8080", true)).isTrue();
        assertThat(hosts.allows("LOCALHOST:1", true)).isTrue();
    }

    @Test
    void defaultRefusesOtherHostsOnALoopbackConnection() {
        AllowedHosts hosts = AllowedHosts.loopbackWhenLocal();

        assertThat(hosts.allows("evil.example", true)).isFalse();
        assertThat(hosts.allows("evil.example:80", true)).isFalse();
        assertThat(hosts.allows("localhost.evil.example", true)).isFalse();
        assertThat(hosts.allows(null, true)).isFalse();
        assertThat(hosts.allows("localhost:notaport", true)).isFalse();
    }

    @Test
    void defaultAllowsAnyHostOnAPublicConnection() {
        assertThat(AllowedHosts.loopbackWhenLocal().allows("mcp.example.com", false))
                .isTrue();
    }

    @Test
    void listMatchesHostsWithAnyPortOrTheGivenPort() {
        AllowedHosts hosts = AllowedHosts.of(List.of("mcp.example.com", "gw.example.com:8443"));

        assertThat(hosts.allows("mcp.example.com:1234", false)).isTrue();
        assertThat(hosts.allows("gw.example.com:8443", true)).isTrue();
        assertThat(hosts.allows("gw.example.com:8080", false)).isFalse();
        assertThat(hosts.allows("localhost", true)).isFalse();
    }

    @Test
    void anyAllowsEverything() {
        assertThat(AllowedHosts.any().allows("evil.example", true)).isTrue();
    }

    @Test
    void rejectsAMalformedEntryNamingIt() {
        assertThatThrownBy(() -> AllowedHosts.of(List.of("http://x/")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("allowedHosts: \"http://x/\"");
    }
}
