package dev.switchboard.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.config.ApiKey;
import dev.switchboard.core.config.AuthConfig;
import dev.switchboard.core.config.JwtConfig;
import dev.switchboard.core.config.ListenAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BindCheckTest {
    private static final AuthConfig API_KEYS =
            new AuthConfig(List.of(new ApiKey("0123456789abcdef-key", "alice", null, List.of())), null);
    private static final AuthConfig JWT = new AuthConfig(
            List.of(), new JwtConfig("https://id", null, URI.create("https://id/jwks"), null, "sub", "azp", "roles"));

    @ParameterizedTest(name = "{0} with auth {1}: allowed {2}")
    @CsvSource({
        "127.0.0.1, none, true",
        "127.0.0.2, none, true",
        "localhost, none, true",
        "::1, none, true",
        "0.0.0.0, none, false",
        "::, none, false",
        "192.168.1.20, none, false",
        "10.1.2.3, none, false",
        "gateway.example.com, none, false",
        "127.example.com, none, false",
        "0.0.0.0, keys, true",
        "::, keys, true",
        "gateway.example.com, jwt, true",
        "127.0.0.1, jwt, true"
    })
    void allowsAPublicAddressOnlyWithAuthentication(String host, String auth, boolean allowed) {
        AuthConfig config = switch (auth) {
            case "keys" -> API_KEYS;
            case "jwt" -> JWT;
            default -> AuthConfig.NONE;
        };

        assertThat(BindCheck.problem(new ListenAddress(host, 8808), config).isEmpty())
                .isEqualTo(allowed);
    }

    @Test
    void namesTheAddressAndWhatToDo() {
        String expected = "listen: \"0.0.0.0:9000\" (expected: a loopback address such as \"127.0.0.1:9000\" while no"
                + " authentication is configured; to listen on 0.0.0.0, set gateway.auth.apiKeys or"
                + " gateway.auth.jwt in the config)";

        assertThat(BindCheck.problem(new ListenAddress("0.0.0.0", 9000), AuthConfig.NONE))
                .contains(expected);
        assertThatThrownBy(() -> BindCheck.require(new ListenAddress("0.0.0.0", 9000), AuthConfig.NONE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(expected);
        assertThat(BindCheck.problem(new ListenAddress("::", 9000), AuthConfig.NONE)
                        .orElseThrow())
                .startsWith("listen: \"[::]:9000\"");
    }
}
