package dev.switchboard.core.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How bearer JWTs are checked and turned into a principal. Exactly one of {@link #jwksUrl} and
 * {@link #publicKeyFile} is set. In the file: {@code jwt: {issuer: "https://id.example.com",
 * audience: switchboard, jwksUrl: "https://id.example.com/.well-known/jwks.json"}}.
 *
 * @param issuer the required {@code iss} claim
 * @param audience the required {@code aud} value, or {@code null} to accept any audience
 * @param jwksUrl where the signing keys are published, or {@code null}
 * @param publicKeyFile a PEM file holding the signing key, or {@code null}
 * @param userClaim the claim naming the user; default {@code sub}
 * @param agentClaim the claim naming the agent (the OAuth client); default {@code azp}
 * @param rolesClaim the claim listing roles; default {@code roles}
 */
public record JwtConfig(
        String issuer,
        @Nullable String audience,
        @Nullable URI jwksUrl,
        @Nullable Path publicKeyFile,
        String userClaim,
        String agentClaim,
        String rolesClaim) {

    /** Default {@link #userClaim}. */
    public static final String DEFAULT_USER_CLAIM = "sub";
    /** Default {@link #agentClaim}. */
    public static final String DEFAULT_AGENT_CLAIM = "azp";
    /** Default {@link #rolesClaim}. */
    public static final String DEFAULT_ROLES_CLAIM = "roles";

    /** Checks that no required field is null. */
    public JwtConfig {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(userClaim, "userClaim");
        Objects.requireNonNull(agentClaim, "agentClaim");
        Objects.requireNonNull(rolesClaim, "rolesClaim");
    }
}
