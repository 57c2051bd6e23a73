package dev.switchboard.mcp.testing;

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

/**
 * A client-side {@link IncomingHandler} for tests: answers the server's requests with canned
 * answers per method and records every request and notification it receives.
 */
public final class RecordingClientHandler implements IncomingHandler {
    private final Map<String, Function<IncomingRequest, JsonNode>> answers = new ConcurrentHashMap<>();
    private final Queue<IncomingRequest> requests = new ConcurrentLinkedQueue<>();
    private final Queue<Received> notifications = new ConcurrentLinkedQueue<>();

    /** A notification with the id of the request on whose stream it arrived (or null). */
    public record Received(
            JsonRpcNotification notification, @Nullable RequestId related) {
        /** The notification's params, or a missing node. */
        public JsonNode params() {
            JsonNode params = notification.params();
            return params == null ? tools.jackson.databind.node.MissingNode.getInstance() : params;
        }
    }

    /** Answers requests of {@code method} with what {@code answer} returns. */
    public RecordingClientHandler answer(String method, Function<IncomingRequest, JsonNode> answer) {
        answers.put(method, answer);
        return this;
    }

    /** The requests of {@code method} received so far. */
    public List<IncomingRequest> requests(String method) {
        return requests.stream().filter(r -> r.method().equals(method)).toList();
    }

    /** The notifications of {@code method} received so far, in order. */
    public List<Received> notifications(String method) {
        return notifications.stream()
                .filter(n -> n.notification().method().equals(method))
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
        try {
            return CompletableFuture.completedFuture(answer.apply(request));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void onNotification(JsonRpcNotification notification, @Nullable RequestId related) {
        notifications.add(new Received(notification, related));
    }
}
