package dev.switchboard.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayConfigTest {

    @Test
    void keepsServersInTheirOrderAndFindsThemByName() {
        StdioServerConfig b = stdio("b");
        StdioServerConfig a = stdio("a");

        GatewayConfig config = GatewayConfig.of(GatewaySettings.DEFAULTS, List.of(b, a));

        assertThat(config.servers().keySet()).containsExactly("b", "a");
        assertThat(config.server("a")).contains(a);
        assertThat(config.server("c")).isEmpty();
    }

    @Test
    void rejectsTwoServersWithOneNameAndAServerFiledUnderAnother() {
        assertThatThrownBy(() -> GatewayConfig.of(GatewaySettings.DEFAULTS, List.of(stdio("a"), stdio("a"))))
                .hasMessage("servers: \"a\" twice (expected: each name once)");
        assertThatThrownBy(() -> new GatewayConfig(GatewaySettings.DEFAULTS, Map.of("b", stdio("a"))))
                .hasMessage("servers.b: a (expected: the server's own name)");
    }

    @Test
    void readsIpv6AndHostNameListenAddresses() {
        ConfigLoader loader = new ConfigLoader(Map.of());

        ListenAddress ipv6 = loader.parse("gateway: {listen: \"[::1]:0\"}", "a.yaml")
                .orElseThrow()
                .config()
                .gateway()
                .listen();
        ListenAddress name = loader.parse("gateway: {listen: \"localhost:9000\"}", "a.yaml")
                .orElseThrow()
                .config()
                .gateway()
                .listen();

        assertThat(ipv6).isEqualTo(new ListenAddress("::1", 0));
        assertThat(ipv6).hasToString("[::1]:0");
        assertThat(ipv6.isLoopback()).isTrue();
        assertThat(name.isLoopback()).isTrue();
        assertThat(new ListenAddress("10.0.0.1", 80).isLoopback()).isFalse();
        assertThatThrownBy(() -> new ListenAddress("h", 70_000)).hasMessage("port: 70000 (expected: 0 to 65535)");
    }

    private static StdioServerConfig stdio(String name) {
        return new StdioServerConfig(name, "npx", List.of(), Map.of(), null, false, ServerSettings.DEFAULTS);
    }
}
