package dev.switchboard.server.mcp;

import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import dev.switchboard.mcp.jsonrpc.JsonRpcNotification;
import dev.switchboard.mcp.jsonrpc.RequestId;
import dev.switchboard.mcp.protocol.McpMethods;
import dev.switchboard.mcp.session.IncomingHandler;
import dev.switchboard.mcp.session.IncomingRequest;
import dev.switchboard.mcp.session.RequestOptions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a server sends to the client through the gateway: its requests (sampling, elicitation,
 * roots) and notifications (log messages, resource updates). Bound to the upstream call that caused
 * them when the transport says so, or when it is the one call in flight on a shared stdio
 * connection ({@code call}), else to the upstream session that owns the server's connection; a
 * request goes with the session's one call in flight to that server when there is exactly one. A request for a capability the client did not declare is refused with an
 * error that says so. Cancellation by the server cancels the request to the client.
 */
final class ClientAsks implements IncomingHandler {
    private final ViewSession session;
    private final String server;
    private final @Nullable IncomingRequest call;

    ClientAsks(ViewSession session, String server, @Nullable IncomingRequest call) {
        this.session = session;
        this.server = server;
        this.call = call;
    }

    @Override
    public CompletionStage<JsonNode> onRequest(IncomingRequest request) {
        String capability = capability(request.method());
        if (capability == null) {
            return CompletableFuture.failedFuture(
                    new JsonRpcException(JsonRpcError.METHOD_NOT_FOUND, "Method not found: " + request.method()));
        }
        if (!session.clientDeclared(capability)) {
            return CompletableFuture.failedFuture(new JsonRpcException(
                    JsonRpcError.INVALID_REQUEST,
                    request.method() + ": the client of this gateway session did not declare the " + capability
                            + " capability"));
        }
        IncomingRequest target = call != null ? call : session.soleCallTo(server);
        RequestOptions options = RequestOptions.defaults()
                .withTimeout(session.context().settings().clientRequestTimeout());
        CompletableFuture<JsonNode> answer = target != null
                ? target.request(request.method(), request.params(), options)
                : session.upstream().request(request.method(), request.params(), options);
        request.onCancel(() -> answer.cancel(true));
        return answer;
    }

    @Override
    public void onNotification(JsonRpcNotification notification, @Nullable RequestId related) {
        switch (notification.method()) {
            case McpMethods.LOGGING_MESSAGE -> session.log().serverMessage(server, notification.params(), call);
            // on a per-session server's own connection the news is this session's; else every subscriber's
            case McpMethods.RESOURCES_UPDATED ->
                session.context()
                        .hub()
                        .subscriptions()
                        .updated(server, notification.params(), session.owns(server) ? session : null);
            default -> {
                // progress of unknown tokens, and list changes: the catalog follows the shared connection
            }
        }
    }

    private static @Nullable String capability(String method) {
        return switch (method) {
            case McpMethods.SAMPLING_CREATE_MESSAGE -> "sampling";
            case McpMethods.ELICITATION_CREATE -> "elicitation";
            case McpMethods.ROOTS_LIST -> "roots";
            default -> null;
        };
    }
}
