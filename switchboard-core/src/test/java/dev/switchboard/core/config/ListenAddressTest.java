package dev.switchboard.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ListenAddressTest {

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
