package dev.switchboard.core.engine;

import dev.switchboard.core.NotFoundException;
import dev.switchboard.core.policy.Policy;
import dev.switchboard.core.policy.Principal;
import dev.switchboard.mcp.protocol.McpMethods;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Applies the access policy to one request of a principal, before anything is sent: a server the
 * principal may not use is unknown to it, and so are a tool, a prompt or a resource the policy
 * hides, with the very errors a missing one gets.
 */
final class PolicyGate {
    private PolicyGate() {}

    /**
     * Checks a request of {@code principal} to {@code server}.
     *
     * @throws NotFoundException for a hidden server or tool
     * @throws dev.switchboard.mcp.jsonrpc.JsonRpcException {@link Policy#unknownPrompt} or {@link
     *     Policy#unknownResource} for a hidden prompt or resource
     */
    static void check(Policy policy, Principal principal, String server, String method, @Nullable JsonNode params) {
        if (!policy.allowsServer(principal, server)) {
            throw new NotFoundException("server", server);
        }
        JsonNode p = params == null ? MissingNode.getInstance() : params;
        switch (method) {
            case McpMethods.TOOLS_CALL -> {
                String tool = p.path("name").asString("");
                if (!policy.allowsTool(principal, server, tool)) {
                    throw new NotFoundException("tool", tool);
                }
            }
            case McpMethods.PROMPTS_GET -> {
                String prompt = p.path("name").asString("");
                if (!policy.allowsPrompt(principal, server, prompt)) {
                    throw Policy.unknownPrompt(prompt);
                }
            }
            case McpMethods.RESOURCES_READ, McpMethods.RESOURCES_SUBSCRIBE, McpMethods.RESOURCES_UNSUBSCRIBE -> {
                String uri = p.path("uri").asString("");
                if (!policy.allowsResource(principal, server, uri)) {
                    throw Policy.unknownResource(uri);
                }
            }
            default -> {
                // listings are filtered by the caller from the catalog; other methods need only the server
            }
        }
    }
}
