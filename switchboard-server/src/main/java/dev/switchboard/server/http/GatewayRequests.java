package dev.switchboard.server.http;

import dev.switchboard.core.policy.Principal;
import org.eclipse.jetty.server.Request;
import org.jspecify.annotations.Nullable;

/**
 * What the {@link GatewayServer} attaches to each request before its route's handler runs. Every
 * non-public route's handler finds the caller's principal here; it is always set there, to {@link
 * Principal#ANONYMOUS} when auth is off. For authenticated requests the principal is also the
 * request's {@link dev.switchboard.mcp.server.SessionContext#OWNER_ATTRIBUTE}, so MCP sessions are
 * bound to whoever opened them.
 */
public final class GatewayRequests {
    /** The request attribute holding the caller's {@link Principal}. */
    public static final String PRINCIPAL_ATTRIBUTE = "dev.switchboard.server.principal";

    private GatewayRequests() {}

    /** The caller's principal; {@link Principal#ANONYMOUS} on public routes and when auth is off. */
    public static Principal principal(Request request) {
        return request.getAttribute(PRINCIPAL_ATTRIBUTE) instanceof Principal p ? p : Principal.ANONYMOUS;
    }

    /** The caller's user for logs, or {@code null} when nobody authenticated. */
    public static @Nullable String user(Request request) {
        return request.getAttribute(PRINCIPAL_ATTRIBUTE) instanceof Principal p && p != Principal.ANONYMOUS
                ? p.user()
                : null;
    }
}
