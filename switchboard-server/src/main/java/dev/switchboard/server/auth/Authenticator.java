package dev.switchboard.server.auth;

import dev.switchboard.core.config.AuthConfig;
import dev.switchboard.core.config.JwtConfig;
import dev.switchboard.core.policy.Principal;
import dev.switchboard.server.auth.AuthResult.Authenticated;
import dev.switchboard.server.auth.AuthResult.Method;
import dev.switchboard.server.auth.AuthResult.Rejected;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates upstream requests as {@code gateway.auth} configures: the principal is what the
 * credentials resolve to, never a name the caller asserts.
 *
 * <ul>
 *   <li>Without authentication configured, every request is {@link AuthResult#ANONYMOUS} (the
 *       gateway then listens on loopback only: {@link BindCheck}).
 *   <li>An API key comes as {@code Authorization: Bearer <key>} or {@code X-API-Key: <key>}; it
 *       is hashed (SHA-256) and looked up among the configured keys' digests, so checking takes the
 *       same time for any number of keys and compares digests in constant time.
 *   <li>A bearer token that is no configured API key and has the shape of a JWT is verified when
 *       {@code gateway.auth.jwt} is set: signature by an asymmetric algorithm (RSA, RSA-PSS, ECDSA;
 *       never {@code none} or HMAC) with a key from the JWK set URL (cached five minutes, refetched
 *       at most once per 30 seconds for a key id it lacks, each fetch bounded to five seconds) or
 *       the PEM key file; then {@code iss}, {@code aud} (when configured), {@code exp} (required)
 *       and {@code nbf}, with 30 seconds of clock skew. The user, agent and roles claims make the
 *       principal; roles may be an array of strings or one space-separated string.
 *   <li>Anything else is {@linkplain Rejected rejected} with status 401 and a reason that never
 *       repeats the credentials.
 * </ul>
 *
 * <p>Immutable and thread-safe; {@link #authenticate} blocks only while a JWK set is fetched.
 */
public final class Authenticator {
    private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);

    private static final Rejected MISSING = new Rejected(401, null, "missing credentials");
    private static final Rejected UNKNOWN = new Rejected(401, "invalid_token", "unknown API key or token");

    private final boolean enabled;
    private final ApiKeyTable apiKeys;
    private final @Nullable JwtVerifier jwt;

    private Authenticator(boolean enabled, ApiKeyTable apiKeys, @Nullable JwtVerifier jwt) {
        this.enabled = enabled;
        this.apiKeys = apiKeys;
        this.jwt = jwt;
    }

    /**
     * The authenticator {@code config} describes, with the system clock.
     *
     * @see #create(AuthConfig, HttpClient, Clock)
     */
    public static Authenticator create(AuthConfig config, HttpClient http) {
        return create(config, http, Clock.systemUTC());
    }

    /**
     * The authenticator {@code config} describes. A PEM key file is read now; a JWK set is fetched
     * when the first token needs it.
     *
     * @param http fetches the JWK set (the runtime's shared client); unused without a JWK set URL
     * @param clock tells the time that {@code exp} and {@code nbf} are checked against
     * @throws IllegalArgumentException if the key file cannot be read or holds no usable public key,
     *     or two API key entries hold the same key; the message names the setting and never a secret
     * @throws NullPointerException if an argument is null
     */
    public static Authenticator create(AuthConfig config, HttpClient http, Clock clock) {
        Objects.requireNonNull(http, "http");
        return create(config, () -> http, clock);
    }

    /**
     * The authenticator {@code config} describes, with the system clock, asking {@code http} for the
     * HTTP client only when JWTs are configured: building one sets up TLS, which a gateway without
     * JWTs never needs.
     *
     * @see #create(AuthConfig, HttpClient, Clock)
     */
    public static Authenticator create(AuthConfig config, Supplier<HttpClient> http) {
        return create(config, http, Clock.systemUTC());
    }

    private static Authenticator create(AuthConfig config, Supplier<HttpClient> http, Clock clock) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(clock, "clock");
        JwtConfig jwtConfig = config.jwt();
        JwtVerifier verifier = jwtConfig == null ? null : JwtVerifier.of(jwtConfig, http.get(), clock);
        return new Authenticator(config.isEnabled(), ApiKeyTable.of(config.apiKeys()), verifier);
    }

    /** Whether any authentication is configured; when not, every request is anonymous. */
    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Authenticates one request.
     *
     * @param headers the request's header value by name, or {@code null} when absent; names must be
     *     matched ignoring case, as HTTP does (Jetty's {@code HttpFields::get} does)
     * @return {@link AuthResult#ANONYMOUS} when authentication is off, else the principal or the
     *     rejection
     */
    public AuthResult authenticate(Function<String, @Nullable String> headers) {
        Objects.requireNonNull(headers, "headers");
        if (!enabled) {
            return AuthResult.ANONYMOUS;
        }
        Credentials credentials = Credentials.from(headers);
        String problem = credentials.problem();
        if (problem != null) {
            return new Rejected(401, "invalid_request", problem);
        }
        String secret = credentials.secret();
        if (secret == null) {
            return MISSING;
        }
        Principal principal = apiKeys.find(secret);
        if (principal != null) {
            return new Authenticated(principal, Method.API_KEY);
        }
        JwtVerifier verifier = jwt;
        if (verifier == null || !credentials.bearer() || !JwtVerifier.looksLikeJwt(secret)) {
            return UNKNOWN;
        }
        try {
            return new Authenticated(verifier.verify(secret), Method.JWT);
        } catch (InvalidToken e) {
            LOG.debug("bearer token refused: {}", e.getMessage());
            return new Rejected(401, "invalid_token", Objects.requireNonNullElse(e.getMessage(), "invalid token"));
        }
    }

    /** Which kinds of credentials are accepted; never a secret. */
    @Override
    public String toString() {
        return "Authenticator[enabled=" + enabled + ", apiKeys=" + !apiKeys.isEmpty() + ", jwt=" + (jwt != null) + "]";
    }
}
