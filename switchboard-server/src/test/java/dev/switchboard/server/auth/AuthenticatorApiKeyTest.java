package dev.switchboard.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.config.ApiKey;
import dev.switchboard.core.config.AuthConfig;
import dev.switchboard.core.policy.Principal;
import dev.switchboard.server.auth.AuthResult.Authenticated;
import dev.switchboard.server.auth.AuthResult.Method;
import dev.switchboard.server.auth.AuthResult.Rejected;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuthenticatorApiKeyTest {
    private static final String ALICE_KEY = "alice-key-0123456789-secret";
    private static final String BOB_KEY = "bob-key-9876543210-secret";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Principal ALICE = new Principal("alice", "claude", Set.of("admin"));
    private static final Principal BOB = new Principal("bob", null, Set.of());

    private final Authenticator authenticator = Authenticator.create(
            new AuthConfig(
                    List.of(
                            new ApiKey(ALICE_KEY, "alice", "claude", List.of("admin")),
                            ApiKey.hashed(sha256(BOB_KEY), "bob", null, List.of())),
                    null),
            HTTP);

    @AfterAll
    static void closeClient() {
        HTTP.close();
    }

    /** Headers and the principal they authenticate as. */
    static Stream<Arguments> acceptedHeaders() {
        return Stream.of(
                accepted("Bearer with a plain key", ALICE, "Authorization", "Bearer " + ALICE_KEY),
                accepted("Bearer with a hashed key", BOB, "Authorization", "Bearer " + BOB_KEY),
                accepted("X-API-Key with a plain key", ALICE, "X-API-Key", ALICE_KEY),
                accepted("X-API-Key with a hashed key", BOB, "X-API-Key", BOB_KEY),
                accepted("lower-case names and scheme", ALICE, "authorization", "bearer " + ALICE_KEY),
                accepted("blanks around the token", BOB, "Authorization", "  Bearer   " + BOB_KEY + "  "),
                accepted("blanks around the key", ALICE, "x-api-key", " " + ALICE_KEY + " "),
                accepted(
                        "X-API-Key beside a Basic header meant for a proxy",
                        BOB,
                        "Authorization",
                        "Basic dXNlcjpwYXNz",
                        "X-API-Key",
                        BOB_KEY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedHeaders")
    void authenticatesAConfiguredKeyFromEitherHeader(String name, Principal expected, String[] headers) {
        AuthResult result = authenticator.authenticate(Headers.of(headers));

        assertThat(result).isEqualTo(new Authenticated(expected, Method.API_KEY));
        assertThat(result.principal()).isEqualTo(expected);
    }

    /** Headers and the rejection they get. */
    static Stream<Arguments> rejectedHeaders() {
        return Stream.of(
                rejected("no credentials", null, "missing credentials"),
                rejected("a blank X-API-Key", null, "missing credentials", "X-API-Key", "  "),
                rejected(
                        "an unknown bearer key",
                        "invalid_token",
                        "unknown API key or token",
                        "Authorization",
                        "Bearer " + ALICE_KEY + "x"),
                rejected(
                        "an unknown X-API-Key",
                        "invalid_token",
                        "unknown API key or token",
                        "X-API-Key",
                        BOB_KEY.toUpperCase(java.util.Locale.ROOT)),
                rejected(
                        "the hash itself sent as the key",
                        "invalid_token",
                        "unknown API key or token",
                        "X-API-Key",
                        sha256(BOB_KEY)),
                rejected(
                        "a JWT-shaped bearer without JWT configured",
                        "invalid_token",
                        "unknown API key or token",
                        "Authorization",
                        "Bearer aaa.bbb.ccc"),
                rejected(
                        "Bearer without a token",
                        "invalid_request",
                        "Authorization: Bearer without a token",
                        "Authorization",
                        "Bearer "),
                rejected(
                        "a Basic header alone",
                        "invalid_request",
                        "Authorization: unsupported scheme (expected: Bearer)",
                        "Authorization",
                        "Basic " + ALICE_KEY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedHeaders")
    void rejectsWith401AndAReasonThatNeverRepeatsTheSecret(
            String name, @Nullable String error, String reason, String[] headers) {
        AuthResult result = authenticator.authenticate(Headers.of(headers));

        assertThat(result).isEqualTo(new Rejected(401, error, reason));
        assertThat(result.principal()).isNull();
        Rejected rejected = (Rejected) result;
        assertThat(List.of(rejected.reason(), rejected.wwwAuthenticate(), rejected.jsonBody(), rejected.toString()))
                .allSatisfy(text -> assertThat(text)
                        .doesNotContain(ALICE_KEY)
                        .doesNotContain(BOB_KEY)
                        .doesNotContainIgnoringCase(BOB_KEY)
                        .doesNotContain(sha256(BOB_KEY)));
    }

    @Test
    void writesTheChallengeAndBodyOfRfc6750() {
        Rejected missing = (Rejected) authenticator.authenticate(Headers.of());
        Rejected unknown = (Rejected) authenticator.authenticate(Headers.bearer("nope-nope-nope-nope"));

        assertThat(missing.wwwAuthenticate()).isEqualTo("Bearer realm=\"switchboard\"");
        assertThat(unknown.wwwAuthenticate())
                .isEqualTo("Bearer realm=\"switchboard\", error=\"invalid_token\","
                        + " error_description=\"unknown API key or token\"");
        assertThat(unknown.jsonBody())
                .isEqualTo("{\"error\":{\"code\":\"unauthorized\",\"message\":\"unknown API key or token\"}}");
    }

    @Test
    void keepsQuotesAndLineBreaksOutOfTheChallenge() {
        Rejected rejected = new Rejected(401, "invalid_token", "claim \"x\"\r\nSet-Cookie: a=b");

        assertThat(rejected.wwwAuthenticate())
                .doesNotContain("\r", "\n", "\"x\"")
                .endsWith("Set-Cookie: a=b\"");
    }

    @Test
    void letsEveryoneInAsAnonymousWhenAuthIsOff() {
        Authenticator off = Authenticator.create(AuthConfig.NONE, HTTP);

        assertThat(off.isEnabled()).isFalse();
        assertThat(off.authenticate(Headers.of())).isSameAs(AuthResult.ANONYMOUS);
        assertThat(off.authenticate(Headers.bearer("whatever"))).isSameAs(AuthResult.ANONYMOUS);
        assertThat(AuthResult.ANONYMOUS.principal()).isEqualTo(Principal.ANONYMOUS);
    }

    @Test
    void refusesTwoEntriesWithTheSameKeyWithoutShowingIt() {
        AuthConfig twice = new AuthConfig(
                List.of(
                        new ApiKey(ALICE_KEY, "alice", null, List.of()),
                        ApiKey.hashed(sha256(ALICE_KEY), "mallory", null, List.of())),
                null);

        assertThatThrownBy(() -> Authenticator.create(twice, HTTP))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mallory")
                .message()
                .doesNotContain(ALICE_KEY)
                .doesNotContain(sha256(ALICE_KEY));
    }

    @Test
    void showsNoSecretInAnyToString() {
        AuthResult result = authenticator.authenticate(Headers.bearer(ALICE_KEY));
        Function<String, @Nullable String> headers = Headers.bearer(ALICE_KEY);

        assertThat(List.of(
                        result.toString(),
                        authenticator.toString(),
                        Credentials.from(headers).toString(),
                        Credentials.from(Headers.of("X-API-Key", BOB_KEY)).toString()))
                .allSatisfy(text -> assertThat(text).doesNotContain(ALICE_KEY).doesNotContain(BOB_KEY));
    }

    private static String sha256(String key) {
        return ApiKey.SHA256_PREFIX
                + HexFormat.of().formatHex(ApiKeyTable.sha256(key.getBytes(StandardCharsets.UTF_8)));
    }

    private static Arguments accepted(String name, Principal principal, String... headers) {
        return Arguments.of(name, principal, headers);
    }

    private static Arguments rejected(String name, @Nullable String error, String reason, String... headers) {
        return Arguments.of(name, error, reason, headers);
    }
}
