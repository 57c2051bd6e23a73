package dev.switchboard.server.auth;

import static dev.switchboard.server.auth.Tokens.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import dev.switchboard.core.config.JwtConfig;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Fetching a JWK set is bounded in time and size, whatever the server does. */
class JwksFetchIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final RSAKey RSA = Tokens.Keys.RSA;

    @AfterAll
    static void closeClient() {
        HTTP.close();
    }

    @Test
    void refusesTokensWithinTheFetchTimeoutWhenTheKeySetServerHangs() throws Exception {
        try (JwksServer server = new JwksServer(List.of(RSA))) {
            server.hang();
            JwtVerifier verifier = verifier(server, Duration.ofMillis(300));
            String token =
                    Tokens.signed(RSA, JWSAlgorithm.RS256, Tokens.claims().build());

            // the bound under test is the fetch timeout; the preemptive limit only keeps a broken build from hanging
            assertTimeoutPreemptively(
                    Duration.ofSeconds(20),
                    () -> assertThatThrownBy(() -> verifier.verify(token))
                            .isInstanceOf(InvalidToken.class)
                            .hasMessage("signing keys unavailable"));
        }
    }

    @Test
    void refusesAKeySetLargerThanTheLimit() throws Exception {
        try (JwksServer server = new JwksServer(List.of(RSA))) {
            server.publishRaw("{\"keys\": [\"" + "x".repeat(SigningKeys.MAX_JWKS_BYTES) + "\"]}");
            JwksRetriever retriever = new JwksRetriever(HTTP, Duration.ofSeconds(5), SigningKeys.MAX_JWKS_BYTES);

            assertThatThrownBy(() -> retriever.retrieveResource(server.url().toURL()))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("body larger than " + SigningKeys.MAX_JWKS_BYTES + " bytes");
        }
    }

    @Test
    void refusesTokensWhenTheKeySetIsNotJson() throws Exception {
        try (JwksServer server = new JwksServer(List.of(RSA))) {
            server.publishRaw("<html>not a key set</html>");
            String token =
                    Tokens.signed(RSA, JWSAlgorithm.RS256, Tokens.claims().build());

            assertThatThrownBy(() -> verifier(server, Duration.ofSeconds(5)).verify(token))
                    .isInstanceOf(InvalidToken.class)
                    .hasMessage("signing keys unavailable");
            assertThat(server.fetches()).isEqualTo(1);
        }
    }

    private static JwtVerifier verifier(JwksServer server, Duration timeout) {
        JwtConfig config = new JwtConfig(Tokens.ISSUER, Tokens.AUDIENCE, server.url(), null, "sub", "azp", "roles");
        return new JwtVerifier(
                SigningKeys.remote(server.url(), HTTP, timeout),
                new TokenClaims(config),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
