package dev.switchboard.mcp.server.http;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.jsonrpc.JsonRpcCodec;
import dev.switchboard.mcp.server.ServerSessionFactory;

/**
 * What the parts of one Streamable HTTP endpoint share.
 *
 * @param factory makes the handler of each new session
 * @param runtime threads and codec
 * @param options the endpoint's settings
 * @param sessions the endpoint's open sessions
 * @param guard host and origin checks
 * @param replies writes short HTTP answers
 * @param bodies reads POST bodies
 */
record StreamableContext(
        ServerSessionFactory factory,
        McpRuntime runtime,
        HttpServerTransportOptions options,
        SessionRegistry<StreamableSession> sessions,
        RequestGuard guard,
        HttpReplies replies,
        PostBodyReader bodies) {

    JsonRpcCodec codec() {
        return runtime.codec();
    }
}
