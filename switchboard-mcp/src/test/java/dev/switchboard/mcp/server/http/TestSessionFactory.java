package dev.switchboard.mcp.server.http;

import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import dev.switchboard.mcp.protocol.McpMethods;
import dev.switchboard.mcp.protocol.ProtocolVersion;
import dev.switchboard.mcp.server.ServerSessionFactory;
import dev.switchboard.mcp.session.IncomingHandler;
import dev.switchboard.mcp.session.IncomingRequest;
import dev.switchboard.mcp.session.McpSession;
import dev.switchboard.mcp.session.RequestOptions;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A minimal MCP server for transport tests: answers {@code initialize} with version negotiation, and
 * has tools {@code echo}, {@code progress} (a progress notification, then the answer), {@code sample}
 * (asks the client for {@code sampling/createMessage} and returns its text) and {@code notify} (a
 * {@code list_changed} notification unrelated to the call) and {@code reconnect} (closes the
 * connection of its SSE answer before answering) and {@code wait} (answers once the test calls {@link
 * #open}).
 */
final class TestSessionFactory implements ServerSessionFactory {
    private final List<McpSession> sessions = new CopyOnWriteArrayList<>();
    private final CompletableFuture<String> gate = new CompletableFuture<>();

    @Override
    public IncomingHandler open(McpSession session) {
        sessions.add(session);
        return new Handler(session, gate);
    }

    /** The sessions opened so far, oldest first. */
    List<McpSession> sessions() {
        return sessions;
    }

    /** Lets every call of the {@code wait} tool answer with {@code text}. */
    void open(String text) {
        gate.complete(text);
    }

    /** The newest session. */
    McpSession lastSession() {
        return sessions.get(sessions.size() - 1);
    }

    private record Handler(McpSession session, CompletableFuture<String> gate) implements IncomingHandler {
        @Override
        public CompletionStage<JsonNode> onRequest(IncomingRequest request) {
            return switch (request.method()) {
                case McpMethods.INITIALIZE -> CompletableFuture.completedFuture(initialize(request));
                case McpMethods.TOOLS_CALL -> call(request);
                default ->
                    CompletableFuture.failedFuture(new JsonRpcException(
                            JsonRpcError.METHOD_NOT_FOUND, "Method not found: " + request.method()));
            };
        }

        private JsonNode initialize(IncomingRequest request) {
            JsonNode asked = request.paramsObject().get("protocolVersion");
            ProtocolVersion version = ProtocolVersion.negotiate(
                    asked == null ? null : asked.asString(), EnumSet.allOf(ProtocolVersion.class));
            ObjectNode result = session.codec().object();
            result.put("protocolVersion", version.wire());
            result.putObject("capabilities").putObject("tools");
            result.putObject("serverInfo").put("name", "test").put("version", "1");
            return result;
        }

        private CompletionStage<JsonNode> call(IncomingRequest request) {
            ObjectNode params = request.paramsObject();
            String name = params.path("name").asString("");
            JsonNode args = params.path("arguments");
            return switch (name) {
                case "echo" ->
                    CompletableFuture.completedFuture(text(args.path("text").asString("")));
                case "progress" -> {
                    request.progress(1, 2.0, "half way");
                    yield CompletableFuture.completedFuture(text("done"));
                }
                case "sample" -> sample(request);
                case "wait" -> gate.thenApply(this::text);
                case "reconnect" -> {
                    boolean closed = StreamableHttpHandler.closeSseStream(request);
                    yield CompletableFuture.completedFuture(text("closed: " + closed));
                }
                case "notify" -> {
                    session.notify(McpMethods.TOOLS_LIST_CHANGED, null);
                    yield CompletableFuture.completedFuture(text("notified"));
                }
                default ->
                    CompletableFuture.failedFuture(
                            new JsonRpcException(JsonRpcError.INVALID_PARAMS, "Unknown tool: " + name));
            };
        }

        private CompletionStage<JsonNode> sample(IncomingRequest request) {
            ObjectNode ask = session.codec().object();
            ask.putArray("messages")
                    .addObject()
                    .put("role", "user")
                    .putObject("content")
                    .put("type", "text")
                    .put("text", "say something");
            ask.put("maxTokens", 10);
            return request.request(
                            McpMethods.SAMPLING_CREATE_MESSAGE,
                            ask,
                            RequestOptions.defaults().withTimeout(Duration.ofSeconds(10)))
                    .thenApply(answer -> text(
                            "sampled: " + answer.path("content").path("text").asString("")));
        }

        private JsonNode text(String text) {
            ObjectNode result = session.codec().object();
            result.putArray("content").addObject().put("type", "text").put("text", text);
            return result;
        }
    }
}
