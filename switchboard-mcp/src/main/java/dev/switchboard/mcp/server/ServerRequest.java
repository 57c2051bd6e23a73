package dev.switchboard.mcp.server;

import dev.switchboard.mcp.session.IncomingRequest;
import tools.jackson.databind.node.ObjectNode;

/**
 * A request to an {@link McpServer}, with the client session it came from.
 *
 * @param session the client's session, with what it declared at initialize
 * @param incoming the request, with the means to send progress and nested requests
 */
public record ServerRequest(ServerSession session, IncomingRequest incoming) {
    /** The request's params, or an empty object. */
    public ObjectNode params() {
        return incoming.paramsObject();
    }

    /** A new empty object to build a result with. */
    public ObjectNode newObject() {
        return session.session().codec().object();
    }
}
