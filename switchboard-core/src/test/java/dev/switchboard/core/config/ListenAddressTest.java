package dev.switchboard.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ListenAddressTest {

    @ParameterizedTest(name = "{0} is {1} port {2}")
    @CsvSource({
        "127.0.0.1:8808, 127.0.0.1, 8808",
        "' localhost:0 ', localhost, 0",
        "[::1]:65535, ::1, 65535",
        "gateway.example.com:443, gateway.example.com, 443"
    })
    void parsesHostAndPort(String text, String host, int port) {
        assertThat(ListenAddress.parse(text)).isEqualTo(new ListenAddress(host, port));
    }

    @ParameterizedTest(name = "{0} is refused")
    @CsvSource({"localhost", ":80", "host:65536", "::1:8808", "host:port", "[::1]", "host:123456"})
    void refusesAnythingButHostColonPort(String text) {
        assertThatThrownBy(() -> ListenAddress.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("listen: \"" + text + "\" (expected: host:port such as \"127.0.0.1:8808\" or"
                        + " \"[::1]:8808\", port 0 to 65535)");
    }

    @ParameterizedTest(name = "{0} is loopback: {1}")
    @CsvSource({
        "127.0.0.1, true",
        "127.1.2.3, true",
        "localhost, true",
        "LOCALHOST, true",
        "::1, true",
        "0:0:0:0:0:0:0:1, true",
        "0.0.0.0, false",
        "::, false",
        "10.0.0.1, false",
        "192.168.1.10, false",
        "127.example.com, false",
        "127.0.0.1.example.com, false",
        "localhost.example.com, false",
        "example.com, false",
        "999.0.0.1, false"
    })
    void judgesLoopbackFromTheTextAlone(String host, boolean loopback) {
        assertThat(new ListenAddress(host, 8808).isLoopback()).isEqualTo(loopback);
    }
}
