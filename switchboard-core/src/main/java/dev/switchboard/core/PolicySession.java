package dev.switchboard.core;

import dev.switchboard.core.policy.Principal;
import dev.switchboard.mcp.protocol.McpMethods;
import dev.switchboard.mcp.session.RequestOptions;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** A session of a principal whose every request passes the access policy first. */
final class PolicySession implements ServerSession {
    /** The error for what the policy hides in one request, or {@code null} when it hides nothing. */
    @FunctionalInterface
    interface Check {
        @Nullable
        NotFoundException hidden(Principal principal, String server, String method, @Nullable JsonNode params);
    }

    private final ServerSession session;
    private final Principal principal;
    private final Check check;

    PolicySession(ServerSession session, Principal principal, Check check) {
        this.session = session;
        this.principal = principal;
        this.check = check;
    }

    @Override
    public String server() {
        return session.server();
    }

    @Override
    public JsonNode callTool(String tool, @Nullable JsonNode arguments) {
        ObjectNode params = JsonNodeFactory.instance.objectNode();
        params.put("name", tool);
        params.set("arguments", arguments == null ? JsonNodeFactory.instance.objectNode() : arguments);
        NotFoundException hidden = check.hidden(principal, server(), McpMethods.TOOLS_CALL, params);
        if (hidden != null) {
            throw hidden;
        }
        return session.callTool(tool, arguments);
    }

    @Override
    public CompletableFuture<JsonNode> request(String method, @Nullable JsonNode params, RequestOptions options) {
        NotFoundException hidden = check.hidden(principal, server(), method, params);
        return hidden != null ? CompletableFuture.failedFuture(hidden) : session.request(method, params, options);
    }

    @Override
    public OptionalLong processId() {
        return session.processId();
    }

    @Override
    public boolean isOpen() {
        return session.isOpen();
    }

    @Override
    public void close() {
        session.close();
    }

    @Override
    public String toString() {
        return session.toString();
    }
}
