package dev.switchboard.core.policy;

import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who is calling: the user, the agent acting for the user, and the user's roles. A principal
 * always comes from authentication (an API key entry, the claims of a verified token), never from a
 * name the caller asserts in a request, header or argument; a caller that could name its own
 * principal could claim another's rights and sessions. When authentication is off every caller is
 * {@link #ANONYMOUS}.
 *
 * <p>The principal is what {@link Policy} decides for and what per-identity session pools key on,
 * through {@link #id()}. Immutable and thread-safe.
 *
 * @param user the user; not blank
 * @param agent the agent (for a token, the OAuth client), or {@code null}; not blank when present
 * @param roles the roles, such as {@code admin}; copied, unordered
 */
public record Principal(String user, @Nullable String agent, Set<String> roles) {

    /** Every caller when authentication is off: user {@code anonymous}, no agent, no roles. */
    public static final Principal ANONYMOUS = new Principal("anonymous", null, Set.of());

    /**
     * Copies the roles and checks the names.
     *
     * @throws NullPointerException if the user, the roles or one of the roles is null
     * @throws IllegalArgumentException if the user, the agent or a role is blank
     */
    public Principal {
        Objects.requireNonNull(user, "user");
        if (user.isBlank()) {
            throw new IllegalArgumentException("user: \"" + user + "\" (expected: not blank)");
        }
        if (agent != null && agent.isBlank()) {
            throw new IllegalArgumentException("agent: \"" + agent + "\" (expected: not blank, or null for none)");
        }
        roles = Set.copyOf(roles);
        for (String role : roles) {
            if (role.isBlank()) {
                throw new IllegalArgumentException("roles: \"" + role + "\" (expected: no blank role)");
            }
        }
    }

    /** Whether the principal has exactly {@code role} (case-sensitive). */
    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /**
     * A stable opaque id of the user and agent, for keys such as a session pool's: {@code
     * user:alice}, or {@code user:alice/agent:claude} with an agent. Roles are not part of it. The
     * characters {@code %} and {@code /} in the names are percent-encoded, so two different
     * principals never share an id. Never blank.
     */
    public String id() {
        String userPart = "user:" + escape(user);
        return agent == null ? userPart : userPart + "/agent:" + escape(agent);
    }

    private static String escape(String name) {
        if (name.indexOf('%') < 0 && name.indexOf('/') < 0) {
            return name;
        }
        return name.replace("%", "%25").replace("/", "%2F");
    }
}
