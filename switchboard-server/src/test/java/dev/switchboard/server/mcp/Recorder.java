package dev.switchboard.server.mcp;

import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import dev.switchboard.mcp.jsonrpc.JsonRpcNotification;
import dev.switchboard.mcp.jsonrpc.RequestId;
import dev.switchboard.mcp.session.IncomingHandler;
import dev.switchboard.mcp.session.IncomingRequest;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/** A client-side handler for tests: canned answers per method; records requests and notifications. */
final class Recorder implements IncomingHandler {
    private final Map<String, Function<IncomingRequest, JsonNode>> answers = new ConcurrentHashMap<>();
    private final Queue<IncomingRequest> requests = new ConcurrentLinkedQueue<>();
    private final Queue<JsonRpcNotification> notifications = new ConcurrentLinkedQueue<>();

    Recorder answer(String method, Function<IncomingRequest, JsonNode> answer) {
        answers.put(method, answer);
        return this;
    }

    List<IncomingRequest> requests(String method) {
        return requests.stream().filter(r -> r.method().equals(method)).toList();
    }

    /** The params of the notifications of {@code method} so far, in order. */
    List<JsonNode> notifications(String method) {
        return notifications.stream()
                .filter(n -> n.method().equals(method))
                .map(n -> n.params() == null ? (JsonNode) MissingNode.getInstance() : n.params())
                .toList();
    }

    @Override
    public CompletionStage<JsonNode> onRequest(IncomingRequest request) {
        requests.add(request);
        Function<IncomingRequest, JsonNode> answer = answers.get(request.method());
        if (answer == null) {
            return CompletableFuture.failedFuture(
                    new JsonRpcException(JsonRpcError.METHOD_NOT_FOUND, "Method not found: " + request.method()));
        }
        return CompletableFuture.completedFuture(answer.apply(request));
    }

    @Override
    public void onNotification(JsonRpcNotification notification, @Nullable RequestId related) {
        notifications.add(notification);
    }
}
