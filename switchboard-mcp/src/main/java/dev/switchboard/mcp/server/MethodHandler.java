package dev.switchboard.mcp.server;

import tools.jackson.databind.JsonNode;

/** Answers one request method of an {@link McpServer}. Runs on a virtual thread: may block. */
@FunctionalInterface
public interface MethodHandler {
    /**
     * Handles the request.
     *
     * @return the result object
     * @throws dev.switchboard.mcp.jsonrpc.JsonRpcException to answer with that error
     */
    JsonNode handle(ServerRequest request) throws Exception;
}
