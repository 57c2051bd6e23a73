package dev.switchboard.server.mcp;

import dev.switchboard.core.policy.Principal;
import dev.switchboard.mcp.server.ServerSessionFactory;
import dev.switchboard.mcp.server.SessionContext;
import dev.switchboard.mcp.session.IncomingHandler;
import dev.switchboard.mcp.session.McpSession;

/**
 * Opens a {@link ViewSession} of one view for each upstream session a transport accepts, for the
 * principal that authenticated it ({@link Principal#ANONYMOUS} when nothing did). Thread-safe.
 */
final class ViewFactory implements ServerSessionFactory {
    private final ViewContext context;
    private final View view;

    ViewFactory(ViewContext context, View view) {
        this.context = context;
        this.view = view;
    }

    @Override
    public IncomingHandler open(McpSession session) {
        return open(session, SessionContext.of("unknown"));
    }

    @Override
    public IncomingHandler open(McpSession session, SessionContext sessionContext) {
        Principal principal = sessionContext.owner() instanceof Principal p ? p : Principal.ANONYMOUS;
        ViewSession viewSession = new ViewSession(context, session, principal, view);
        context.hub().add(viewSession);
        return viewSession;
    }
}
