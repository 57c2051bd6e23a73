package dev.switchboard.bench;

import dev.switchboard.mcp.client.McpClient;
import dev.switchboard.mcp.session.RequestOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** One {@code tools/call} of the demo server's {@code echo}, as the pooled and cold clients make it. */
final class EchoCall {
    private EchoCall() {}

    /**
     * Calls {@code echo} with {@code message} on {@code client} and returns the text of the result.
     * The request's timeout completes the future at the latest, so the join is bounded.
     *
     * @throws IllegalStateException when the result is a tool error
     */
    static String call(McpClient client, String message, RequestOptions options) {
        ObjectNode args = client.session().codec().object();
        args.put("message", message);
        JsonNode result = client.callToolAsync("echo", args, options).join();
        if (result.path("isError").asBoolean(false)) {
            throw new IllegalStateException("echo: isError (expected: a result) " + result.path("content"));
        }
        return result.path("content").path(0).path("text").asString("");
    }
}
