package dev.switchboard.mcp.server;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a server transport knows about a client session when it opens it.
 *
 * <p>The owner is whoever authenticated the request that opened the session, as an HTTP handler in
 * front of the MCP handlers put it in the request attribute {@link #OWNER_ATTRIBUTE}. The HTTP
 * transports remember it and treat a later request of the session from any other owner as a request
 * for an unknown session (404), so that a session id alone never lets one client use another's
 * session. Compared with {@link Object#equals}.
 *
 * @param owner the authenticated owner of the session, or {@code null} when nothing authenticated it
 * @param transport how the client is connected: {@code streamable-http}, {@code sse}, {@code stdio}
 *     or another transport's name
 */
public record SessionContext(@Nullable Object owner, String transport) {
    /**
     * The request attribute holding the owner of a request, set by a handler in front of the HTTP
     * transports; absent means no owner.
     */
    public static final String OWNER_ATTRIBUTE = "dev.switchboard.mcp.server.owner";

    /** Checks the transport name. */
    public SessionContext {
        Objects.requireNonNull(transport, "transport");
    }

    /** A session without an owner over {@code transport}. */
    public static SessionContext of(String transport) {
        return new SessionContext(null, transport);
    }
}
