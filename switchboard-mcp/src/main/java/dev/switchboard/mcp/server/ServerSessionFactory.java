package dev.switchboard.mcp.server;

import dev.switchboard.mcp.session.IncomingHandler;
import dev.switchboard.mcp.session.McpSession;

/**
 * Makes the handler of each client session a server transport accepts. Thread-safe: transports call
 * it concurrently.
 */
@FunctionalInterface
public interface ServerSessionFactory {
    /**
     * A client opened a session.
     *
     * @param session the new session, not yet started; the handler may keep it to send
     *     notifications and requests to the client later
     * @return the handler of the session's incoming requests and notifications
     */
    IncomingHandler open(McpSession session);

    /**
     * A client opened a session, with what the transport knows about it (its authenticated owner).
     * Transports call this one; the default ignores the context and calls {@link #open(McpSession)}.
     *
     * @param session the new session, not yet started
     * @param context the session's owner and transport
     * @return the handler of the session's incoming requests and notifications
     */
    default IncomingHandler open(McpSession session, SessionContext context) {
        return open(session);
    }
}
