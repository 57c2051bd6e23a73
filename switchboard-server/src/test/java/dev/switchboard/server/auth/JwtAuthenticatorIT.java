package dev.switchboard.server.auth;

import static dev.switchboard.server.auth.Tokens.AUDIENCE;
import static dev.switchboard.server.auth.Tokens.ISSUER;
import static dev.switchboard.server.auth.Tokens.NOW;
import static dev.switchboard.server.auth.Tokens.claims;
import static dev.switchboard.server.auth.Tokens.signed;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.switchboard.core.config.ApiKey;
import dev.switchboard.core.config.AuthConfig;
import dev.switchboard.core.config.JwtConfig;
import dev.switchboard.core.policy.Principal;
import dev.switchboard.server.auth.AuthResult.Authenticated;
import dev.switchboard.server.auth.AuthResult.Method;
import dev.switchboard.server.auth.AuthResult.Rejected;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bearer JWTs signed by real keys, checked against a JWK set served over real HTTP. */
class JwtAuthenticatorIT {
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final RSAKey RSA = Tokens.Keys.RSA;
    private static final ECKey EC = Tokens.Keys.EC;
    private static final RSAKey IMPOSTOR = Tokens.Keys.IMPOSTOR;
    private static final String API_KEY = "plain-api-key-0123456789";
    private static final Principal ALICE = new Principal("alice", "claude", Set.of("admin", "dev"));

    private static @Nullable HttpClient http;
    private static @Nullable JwksServer jwks;

    @BeforeAll
    static void start() throws Exception {
        http = HttpClient.newHttpClient();
        jwks = new JwksServer(List.of(RSA, EC));
    }

    @AfterAll
    static void stop() throws Exception {
        if (jwks != null) {
            jwks.close();
        }
        if (http != null) {
            http.close();
        }
    }

    @Test
    void resolvesAValidRsaTokenToItsPrincipal() {
        AuthResult result =
                authenticator(AUDIENCE).authenticate(Headers.bearer(signed(RSA, JWSAlgorithm.RS256, claims().build())));

        assertThat(result).isEqualTo(new Authenticated(ALICE, Method.JWT));
    }

    @Test
    void acceptsEveryAsymmetricAlgorithmOfTheKeyType() {
        Authenticator authenticator = authenticator(AUDIENCE);

        for (JWSAlgorithm algorithm : List.of(JWSAlgorithm.RS384, JWSAlgorithm.RS512, JWSAlgorithm.PS256)) {
            assertThat(authenticator.authenticate(Headers.bearer(signed(RSA, algorithm, claims().build()))))
                    .as(algorithm.getName())
                    .isEqualTo(new Authenticated(ALICE, Method.JWT));
        }
        assertThat(authenticator.authenticate(Headers.bearer(signed(EC, JWSAlgorithm.ES256, claims().build()))))
                .isEqualTo(new Authenticated(ALICE, Method.JWT));
    }

    @Test
    void readsTheConfiguredClaimsWithRolesAsOneString() {
        JwtConfig config = new JwtConfig(ISSUER, null, jwksServer().url(), null, "email", "client_id", "groups");
        Authenticator authenticator = Authenticator.create(new AuthConfig(List.of(), config), client(), CLOCK);
        JWTClaimsSet claims = claims().claim("email", "bob@example.test")
                .claim("client_id", "cursor")
                .claim("groups", " ops  dev ")
                .build();

        AuthResult result = authenticator.authenticate(Headers.bearer(signed(RSA, JWSAlgorithm.RS256, claims)));

        assertThat(result.principal()).isEqualTo(new Principal("bob@example.test", "cursor", Set.of("ops", "dev")));
    }

    @Test
    void leavesTheAgentOutWhenTheTokenHasNone() {
        JWTClaimsSet claims = claims().claim("azp", null).claim("roles", null).build();

        AuthResult result =
                authenticator(AUDIENCE).authenticate(Headers.bearer(signed(RSA, JWSAlgorithm.RS256, claims)));

        assertThat(result.principal()).isEqualTo(new Principal("alice", null, Set.of()));
    }

    @Test
    void acceptsAnyAudienceWhenNoneIsConfigured() {
        JWTClaimsSet claims = claims().audience("someone-else").build();

        assertThat(authenticator(null).authenticate(Headers.bearer(signed(RSA, JWSAlgorithm.RS256, claims))))
                .isEqualTo(new Authenticated(ALICE, Method.JWT));
    }

    @Test
    void toleratesAClockSkewOfSeconds() {
        JWTClaimsSet claims = claims().expirationTime(Date.from(NOW.minusSeconds(10)))
                .notBeforeTime(Date.from(NOW.plusSeconds(10)))
                .build();

        assertThat(authenticator(AUDIENCE).authenticate(Headers.bearer(signed(RSA, JWSAlgorithm.RS256, claims))))
                .isEqualTo(new Authenticated(ALICE, Method.JWT));
    }

    /** A token and the reason it is refused. */
    static Stream<Arguments> refusedTokens() {
        JWTClaimsSet valid = claims().build();
        String good = signed(RSA, JWSAlgorithm.RS256, valid);
        return Stream.of(
                refused(
                        "expired",
                        signed(
                                RSA,
                                JWSAlgorithm.RS256,
                                claims().expirationTime(Date.from(NOW.minusSeconds(3600)))
                                        .build()),
                        "token has expired"),
                refused(
                        "not valid yet",
                        signed(
                                RSA,
                                JWSAlgorithm.RS256,
                                claims().notBeforeTime(Date.from(NOW.plusSeconds(600)))
                                        .build()),
                        "token is not valid yet (nbf)"),
                refused(
                        "without expiry",
                        signed(
                                RSA,
                                JWSAlgorithm.RS256,
                                claims().expirationTime(null).build()),
                        "token has no expiry (exp)"),
                refused(
                        "wrong issuer",
                        signed(
                                RSA,
                                JWSAlgorithm.RS256,
                                claims().issuer("https://evil.example.test").build()),
                        "wrong issuer"),
                refused(
                        "wrong audience",
                        signed(
                                RSA,
                                JWSAlgorithm.RS256,
                                claims().audience("other").build()),
                        "wrong audience"),
                refused(
                        "no audience",
                        signed(
                                RSA,
                                JWSAlgorithm.RS256,
                                claims().audience((String) null).build()),
                        "wrong audience"),
                refused(
                        "no user",
                        signed(RSA, JWSAlgorithm.RS256, claims().subject(null).build()),
                        "claim \"sub\": missing (expected: the user's name)"),
                refused(
                        "roles of the wrong type",
                        signed(
                                RSA,
                                JWSAlgorithm.RS256,
                                claims().claim("roles", 7).build()),
                        "claim \"roles\": not roles (expected: an array of strings or a space-separated string)"),
                refused(
                        "signed by another key with the same key id",
                        signed(IMPOSTOR, JWSAlgorithm.RS256, valid),
                        "invalid signature"),
                refused(
                        "a payload changed after signing",
                        Tokens.withPayload(good, claims().subject("mallory").build()),
                        "invalid signature"),
                refused("unsigned (alg none)", Tokens.unsigned(valid), "unsigned token (alg none) not accepted"),
                refused(
                        "HS256 keyed with the RSA public key",
                        Tokens.hmacWithPublicKey(RSA, valid),
                        "token algorithm not accepted"),
                refused(
                        "EC key id with an RSA algorithm",
                        signed(RSA, JWSAlgorithm.RS256, valid, h -> h.keyID("ec-1")),
                        "no signing key matches the token"),
                refused("not JSON inside", "eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln", "invalid signature"),
                refused("garbage with two dots", "a.b.c", "malformed token"),
                refused("five parts, as an encrypted token", "a.b.c.d.e", "malformed token"),
                refused("not a JWT and no API key", "just-some-opaque-token-value", "unknown API key or token"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void refusesABadTokenWith401AndAReason(String name, String token, String reason) {
        AuthResult result = authenticator(AUDIENCE).authenticate(Headers.bearer(token));

        assertThat(result).isEqualTo(new Rejected(401, "invalid_token", reason));
        Rejected rejected = (Rejected) result;
        assertThat(List.of(rejected.reason(), rejected.wwwAuthenticate(), rejected.jsonBody(), rejected.toString()))
                .allSatisfy(text -> assertThat(text).doesNotContain(token));
    }

    @Test
    void refetchesTheKeySetOnceForAnUnknownKeyIdAndNoMore() throws Exception {
        try (JwksServer server = new JwksServer(List.of(RSA))) {
            Authenticator authenticator = authenticator(AUDIENCE, server);
            RSAKey stranger = Tokens.Keys.STRANGER;

            assertThat(authenticator.authenticate(Headers.bearer(signed(RSA, JWSAlgorithm.RS256, claims().build()))))
                    .isInstanceOf(Authenticated.class);
            assertThat(server.fetches()).isEqualTo(1);
            for (int i = 0; i < 5; i++) {
                assertThat(authenticator.authenticate(
                                Headers.bearer(signed(stranger, JWSAlgorithm.RS256, claims().build()))))
                        .isEqualTo(new Rejected(401, "invalid_token", "no signing key matches the token"));
            }
            assertThat(server.fetches()).isEqualTo(2);
        }
    }

    @Test
    void findsARotatedKeyByRefetchingTheKeySet() throws Exception {
        try (JwksServer server = new JwksServer(List.of(RSA))) {
            Authenticator authenticator = authenticator(AUDIENCE, server);
            RSAKey next = Tokens.Keys.NEXT;
            assertThat(authenticator.authenticate(Headers.bearer(signed(RSA, JWSAlgorithm.RS256, claims().build()))))
                    .isInstanceOf(Authenticated.class);

            server.publish(List.of(RSA, next));

            assertThat(authenticator.authenticate(Headers.bearer(signed(next, JWSAlgorithm.RS256, claims().build()))))
                    .isEqualTo(new Authenticated(ALICE, Method.JWT));
            assertThat(server.fetches()).isEqualTo(2);
        }
    }

    @Test
    void takesABearerThatIsAnApiKeyAsTheKey() {
        JwtConfig jwt = new JwtConfig(ISSUER, AUDIENCE, jwksServer().url(), null, "sub", "azp", "roles");
        Authenticator both = Authenticator.create(
                new AuthConfig(List.of(new ApiKey(API_KEY, "robot", null, List.of())), jwt), client(), CLOCK);

        assertThat(both.authenticate(Headers.bearer(API_KEY)))
                .isEqualTo(new Authenticated(new Principal("robot", null, Set.of()), Method.API_KEY));
        assertThat(both.authenticate(Headers.bearer(signed(RSA, JWSAlgorithm.RS256, claims().build()))))
                .isEqualTo(new Authenticated(ALICE, Method.JWT));
        assertThat(both.authenticate(Headers.of("X-API-Key", signed(RSA, JWSAlgorithm.RS256, claims().build()))))
                .isEqualTo(new Rejected(401, "invalid_token", "unknown API key or token"));
    }

    private static Authenticator authenticator(@Nullable String audience) {
        return authenticator(audience, jwksServer());
    }

    private static Authenticator authenticator(@Nullable String audience, JwksServer server) {
        JwtConfig config = new JwtConfig(ISSUER, audience, server.url(), null, "sub", "azp", "roles");
        return Authenticator.create(new AuthConfig(List.of(), config), client(), CLOCK);
    }

    private static JwksServer jwksServer() {
        JwksServer server = jwks;
        if (server == null) {
            throw new IllegalStateException("jwks: not started");
        }
        return server;
    }

    private static HttpClient client() {
        HttpClient client = http;
        if (client == null) {
            throw new IllegalStateException("http: not started");
        }
        return client;
    }

    private static Arguments refused(String name, String token, String reason) {
        return Arguments.of(name, token, reason);
    }
}
