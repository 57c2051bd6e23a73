package dev.switchboard.server.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.switchboard.core.config.JwtConfig;
import dev.switchboard.core.policy.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Checks the claims of a token whose signature is valid (issuer, audience, expiry, not-before) and
 * reads the principal from them. Immutable and thread-safe.
 */
final class TokenClaims {
    /** How far the clocks of the issuer and the gateway may disagree. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private static final int MAX_ROLES = 256;

    private final JwtConfig config;

    TokenClaims(JwtConfig config) {
        this.config = config;
    }

    /**
     * The principal {@code claims} name, if they are valid at {@code now}.
     *
     * @throws InvalidToken naming the first claim that is wrong
     */
    Principal principal(JWTClaimsSet claims, Instant now) throws InvalidToken {
        check(claims, now);
        Set<String> roles = roles(claims.getClaim(config.rolesClaim()));
        return new Principal(
                user(claims.getClaim(config.userClaim())), agent(claims.getClaim(config.agentClaim())), roles);
    }

    private void check(JWTClaimsSet claims, Instant now) throws InvalidToken {
        if (!config.issuer().equals(claims.getIssuer())) {
            throw new InvalidToken("wrong issuer");
        }
        String audience = config.audience();
        if (audience != null
                && (claims.getAudience() == null || !claims.getAudience().contains(audience))) {
            throw new InvalidToken("wrong audience");
        }
        Date expiry = claims.getExpirationTime();
        if (expiry == null) {
            throw new InvalidToken("token has no expiry (exp)");
        }
        if (now.minus(CLOCK_SKEW).isAfter(expiry.toInstant())) {
            throw new InvalidToken("token has expired");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && now.plus(CLOCK_SKEW).isBefore(notBefore.toInstant())) {
            throw new InvalidToken("token is not valid yet (nbf)");
        }
    }

    private String user(@Nullable Object value) throws InvalidToken {
        if (value instanceof String user && !user.isBlank()) {
            return user;
        }
        throw new InvalidToken("claim \"" + config.userClaim() + "\": missing (expected: the user's name)");
    }

    private @Nullable String agent(@Nullable Object value) throws InvalidToken {
        if (value == null || (value instanceof String agent && agent.isBlank())) {
            return null;
        }
        if (value instanceof String agent) {
            return agent;
        }
        throw new InvalidToken("claim \"" + config.agentClaim() + "\": not a string (expected: the agent's name)");
    }

    private Set<String> roles(@Nullable Object value) throws InvalidToken {
        Set<String> roles = new HashSet<>();
        if (value instanceof String text) {
            for (String role : text.strip().split("\\s+")) {
                if (!role.isEmpty()) {
                    roles.add(role);
                }
            }
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                if (!(item instanceof String role)) {
                    throw rolesInvalid();
                }
                if (!role.isBlank()) {
                    roles.add(role);
                }
            }
        } else if (value != null) {
            throw rolesInvalid();
        }
        if (roles.size() > MAX_ROLES) {
            throw new InvalidToken("claim \"" + config.rolesClaim() + "\": more than " + MAX_ROLES + " roles");
        }
        return roles;
    }

    private InvalidToken rolesInvalid() {
        return new InvalidToken("claim \"" + config.rolesClaim()
                + "\": not roles (expected: an array of strings or a space-separated string)");
    }
}
