package dev.switchboard.server.auth;

import dev.switchboard.core.policy.Principal;
import dev.switchboard.server.auth.AuthResult.Anonymous;
import dev.switchboard.server.auth.AuthResult.Authenticated;
import dev.switchboard.server.auth.AuthResult.Rejected;
import java.util.Objects;

/**
 * Who may use the admin routes ({@code /api/...}): a principal with the {@value #ADMIN_ROLE} role.
 * While authentication is off, the anonymous caller may, since the gateway then listens on loopback
 * only ({@link BindCheck}) and anyone who can reach it can already call every tool.
 */
public final class AdminAccess {
    /** The role the admin routes need. */
    public static final String ADMIN_ROLE = "admin";

    private static final Rejected FORBIDDEN = new Rejected(403, "insufficient_scope", "the admin role is required");

    private AdminAccess() {}

    /**
     * What an admin route answers for a request authenticated as {@code result}: the same result
     * when it may go on (an anonymous caller while authentication is off, or a principal with the
     * admin role), a 403 {@link Rejected} for a principal without the role, and a rejection
     * unchanged.
     *
     * @throws NullPointerException if {@code result} is null
     */
    public static AuthResult check(AuthResult result) {
        Objects.requireNonNull(result, "result");
        return switch (result) {
            case Rejected rejected -> rejected;
            case Anonymous anonymous -> anonymous;
            case Authenticated authenticated -> isAdmin(authenticated.principal()) ? authenticated : FORBIDDEN;
        };
    }

    /** Whether {@code principal} has the {@value #ADMIN_ROLE} role. */
    public static boolean isAdmin(Principal principal) {
        return principal.hasRole(ADMIN_ROLE);
    }
}
