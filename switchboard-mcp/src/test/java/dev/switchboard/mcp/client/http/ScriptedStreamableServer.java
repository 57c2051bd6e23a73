package dev.switchboard.mcp.client.http;

import dev.switchboard.mcp.jsonrpc.JsonRpcCodec;
import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcMessage;
import dev.switchboard.mcp.jsonrpc.JsonRpcNotification;
import dev.switchboard.mcp.jsonrpc.JsonRpcRequest;
import dev.switchboard.mcp.jsonrpc.JsonRpcResponse;
import dev.switchboard.mcp.jsonrpc.RequestId;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.VirtualThreadPool;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small Streamable HTTP server for tests, on Jetty core at {@code /mcp} on 127.0.0.1 and a free
 * port, whose behaviour the test scripts: JSON or SSE answers, session expiry, streams that drop
 * mid-way and can (or cannot) be resumed, oversized results, a GET stream fed by the test. It
 * records the headers of every exchange. Tools: {@code echo} (returns {@code arguments.text}),
 * {@code ask} (asks the client for sampling on the POST stream first), {@code drop} (sends an
 * event, then drops the connection; the response waits to be resumed), {@code big} (a result of
 * {@code arguments.size} characters), {@code fail} (HTTP 500), {@code hang} (answers only when the server stops).
 */
final class ScriptedStreamableServer implements AutoCloseable {
    enum Mode {
        JSON,
        SSE,
        /** SSE for odd request ids, JSON for even ones. */
        MIXED
    }

    /** The headers of one exchange. */
    record Exchange(
            String httpMethod,
            @Nullable String rpcMethod,
            @Nullable String sessionId,
            @Nullable String protocolVersion,
            @Nullable String accept,
            @Nullable String contentType,
            @Nullable String authorization,
            @Nullable String lastEventId) {}

    private final JsonRpcCodec codec = new JsonRpcCodec();
    private final Server server = new Server(new VirtualThreadPool());
    private final ServerConnector connector = new ServerConnector(server);
    private final Set<String> liveSessions = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sessionCounter = new AtomicInteger();
    private final AtomicInteger eventCounter = new AtomicInteger();
    private final Queue<Exchange> exchanges = new ConcurrentLinkedQueue<>();
    private final BlockingQueue<String> getStreamMessages = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<JsonRpcResponse>> clientAnswers = new ConcurrentHashMap<>();
    private final Map<String, String> resumableEvents = new ConcurrentHashMap<>();
    private final AtomicInteger initializations = new AtomicInteger();
    private final AtomicInteger openGetStreams = new AtomicInteger();
    volatile Mode mode = Mode.JSON;
    volatile boolean getStreamSupported = true;
    volatile int resumeStatus = 200;
    /** Whether initialize requests are refused with HTTP 500. */
    volatile boolean refuseInitialize;

    private volatile int getStreamGeneration;
    private volatile boolean stopping;
    private final CountDownLatch stopped = new CountDownLatch(1);

    ScriptedStreamableServer() throws Exception {
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        // the JVM's default backlog of 50 drops connections when hundreds are opened at once
        connector.setAcceptQueueSize(1024);
        server.addConnector(connector);
        server.setHandler(new McpHandler());
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/mcp");
    }

    List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    int initializations() {
        return initializations.get();
    }

    int openGetStreams() {
        return openGetStreams.get();
    }

    /** Forgets every session: later requests with their ids get 404. */
    void expireSessions() {
        liveSessions.clear();
    }

    /** Ends the open GET streams cleanly, as a server that closes idle streams would. */
    void endGetStreams() {
        getStreamGeneration++;
    }

    /** Sends a message on the open GET stream (or the next one opened). */
    void pushOnGetStream(JsonRpcMessage message) {
        getStreamMessages.add(codec.encodeToString(message));
    }

    @Override
    public void close() throws Exception {
        stopping = true;
        stopped.countDown();
        server.stop();
    }

    private final class McpHandler extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String session = request.getHeaders().get("Mcp-Session-Id");
            switch (request.getMethod()) {
                case "POST" -> post(request, response, callback, session);
                case "GET" -> get(request, response, callback, session);
                case "DELETE" -> {
                    record(request, null);
                    if (session != null) {
                        liveSessions.remove(session);
                    }
                    respond(response, callback, 200, null, "");
                }
                default -> respond(response, callback, 405, null, "");
            }
            return true;
        }
    }

    private void record(Request request, @Nullable String rpcMethod) {
        var h = request.getHeaders();
        exchanges.add(new Exchange(
                request.getMethod(),
                rpcMethod,
                h.get("Mcp-Session-Id"),
                h.get("MCP-Protocol-Version"),
                h.get("Accept"),
                h.get("Content-Type"),
                h.get("Authorization"),
                h.get("Last-Event-ID")));
    }

    private void post(Request request, Response response, Callback callback, @Nullable String session)
            throws IOException {
        JsonRpcMessage message = codec.decodeSingle(Content.Source.asString(request, StandardCharsets.UTF_8));
        record(request, message instanceof JsonRpcRequest r ? r.method() : methodOf(message));
        if (message instanceof JsonRpcRequest r && r.method().equals("initialize")) {
            initialize(r, response, callback);
            return;
        }
        if (session == null) {
            respond(response, callback, 400, "application/json", "{\"error\":\"missing session\"}");
            return;
        }
        if (!liveSessions.contains(session)) {
            respond(response, callback, 404, "application/json", "{\"error\":\"unknown session\"}");
            return;
        }
        switch (message) {
            case JsonRpcResponse answer -> {
                CompletableFuture<JsonRpcResponse> waiting = clientAnswers.remove(String.valueOf(answer.id()));
                if (waiting != null) {
                    waiting.complete(answer);
                }
                respond(response, callback, 202, null, "");
            }
            case JsonRpcNotification n -> respond(response, callback, 202, null, "");
            case JsonRpcRequest r -> call(r, response, callback);
        }
    }

    private static String methodOf(JsonRpcMessage message) {
        return message instanceof JsonRpcNotification n ? n.method() : "response";
    }

    private void initialize(JsonRpcRequest r, Response response, Callback callback) throws IOException {
        if (refuseInitialize) {
            respond(response, callback, 500, "text/plain", "initialize refused");
            return;
        }
        initializations.incrementAndGet();
        String session = "s-" + sessionCounter.incrementAndGet();
        liveSessions.add(session);
        response.getHeaders().put("Mcp-Session-Id", session);
        ObjectNode result = codec.object();
        result.put(
                "protocolVersion",
                r.params() == null
                        ? "2025-03-26"
                        : r.params().path("protocolVersion").asString());
        result.putObject("capabilities").putObject("tools");
        result.putObject("serverInfo").put("name", "scripted").put("version", "1");
        answer(r, JsonRpcResponse.success(r.id(), result), response, callback);
    }

    private void call(JsonRpcRequest r, Response response, Callback callback) throws IOException {
        if (r.method().equals("ping")) {
            answer(r, JsonRpcResponse.success(r.id(), codec.object()), response, callback);
            return;
        }
        if (!r.method().equals("tools/call") || r.params() == null) {
            answer(
                    r,
                    JsonRpcResponse.failure(r.id(), JsonRpcError.of(JsonRpcError.METHOD_NOT_FOUND, "no")),
                    response,
                    callback);
            return;
        }
        JsonNode args = r.params().path("arguments");
        switch (r.params().path("name").asString()) {
            case "echo" -> answer(r, text(r.id(), args.path("text").asString()), response, callback);
            case "big" -> answer(r, text(r.id(), "x".repeat(args.path("size").asInt())), response, callback);
            case "ask" -> ask(r, response, callback);
            case "drop" -> drop(r, response, callback);
            case "fail" -> respond(response, callback, 500, "text/plain", "boom: the tool broke");
            case "hang" -> hang(r, response, callback);
            default ->
                answer(r, JsonRpcResponse.failure(r.id(), JsonRpcError.of(-32602, "unknown tool")), response, callback);
        }
    }

    private void hang(JsonRpcRequest r, Response response, Callback callback) throws IOException {
        try {
            stopped.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        answer(r, text(r.id(), "finally"), response, callback);
    }

    private JsonRpcResponse text(RequestId id, String text) {
        ObjectNode result = codec.object();
        result.putArray("content").addObject().put("type", "text").put("text", text);
        return JsonRpcResponse.success(id, result);
    }

    private boolean sse(JsonRpcRequest r) {
        return switch (mode) {
            case JSON -> false;
            case SSE -> true;
            case MIXED -> (r.id().hashCode() & 1) == 1;
        };
    }

    private void answer(JsonRpcRequest r, JsonRpcResponse answer, Response response, Callback callback)
            throws IOException {
        if (!sse(r)) {
            respond(response, callback, 200, "application/json", codec.encodeToString(answer));
            return;
        }
        OutputStream out = openStream(response);
        writeEvent(out, null, codec.encodeToString(answer));
        out.close();
        callback.succeeded();
    }

    /** Asks the client for sampling on the POST's stream and answers with what the client said. */
    private void ask(JsonRpcRequest r, Response response, Callback callback) throws IOException {
        String askId = "srv-" + eventCounter.incrementAndGet();
        CompletableFuture<JsonRpcResponse> reply = new CompletableFuture<>();
        clientAnswers.put('"' + askId + '"', reply);
        OutputStream out = openStream(response);
        ObjectNode params = codec.object();
        params.putArray("messages");
        params.put("maxTokens", 10);
        writeEvent(
                out,
                null,
                codec.encodeToString(new JsonRpcRequest(RequestId.of(askId), "sampling/createMessage", params)));
        String model;
        try {
            JsonRpcResponse clientAnswer = reply.get(10, TimeUnit.SECONDS);
            model = clientAnswer.result() == null
                    ? "error"
                    : clientAnswer.result().path("model").asString();
        } catch (Exception e) {
            model = "no answer: " + e;
        }
        writeEvent(out, null, codec.encodeToString(text(r.id(), "answer:" + model + " for:" + r.id())));
        out.close();
        callback.succeeded();
    }

    /**
     * Sends a priming event and a progress notification with ids, then drops the connection; the
     * response is kept for a GET with {@code Last-Event-ID} naming the notification's event.
     */
    private void drop(JsonRpcRequest r, Response response, Callback callback) throws IOException {
        String base = "ev-" + eventCounter.incrementAndGet();
        OutputStream out = openStream(response);
        out.write(("id: " + base + "-0\nretry: 50\ndata:\n\n").getBytes(StandardCharsets.UTF_8));
        ObjectNode progress = codec.object();
        progress.put("progressToken", "drop");
        progress.put("progress", 1);
        String notification = codec.encodeToString(new JsonRpcNotification("notifications/progress", progress));
        String answer = "id: " + base + "-2\ndata: " + codec.encodeToString(text(r.id(), "resumed")) + "\n\n";
        resumableEvents.put(base + "-0", "id: " + base + "-1\ndata: " + notification + "\n\n" + answer);
        resumableEvents.put(base + "-1", answer);
        writeEvent(out, base + "-1", notification);
        // end the stream before the response, as a server that polls does; a reset connection would be
        // the same to the client but may discard bytes it had not read yet, which makes the test racy
        out.close();
        callback.succeeded();
    }

    private void get(Request request, Response response, Callback callback, @Nullable String session)
            throws IOException {
        record(request, null);
        if (session == null || !liveSessions.contains(session)) {
            respond(response, callback, session == null ? 400 : 404, null, "");
            return;
        }
        String lastEventId = request.getHeaders().get("Last-Event-ID");
        if (lastEventId != null && !lastEventId.startsWith("get-")) {
            resume(lastEventId, response, callback);
            return;
        }
        if (!getStreamSupported) {
            respond(response, callback, 405, null, "");
            return;
        }
        serverStream(response, callback);
    }

    private void resume(String lastEventId, Response response, Callback callback) throws IOException {
        String event = resumableEvents.remove(lastEventId);
        if (resumeStatus != 200 || event == null) {
            respond(response, callback, event == null ? 400 : resumeStatus, null, "");
            return;
        }
        OutputStream out = openStream(response);
        out.write(event.getBytes(StandardCharsets.UTF_8));
        out.close();
        callback.succeeded();
    }

    private void serverStream(Response response, Callback callback) throws IOException {
        OutputStream out = openStream(response);
        out.write(": open\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        openGetStreams.incrementAndGet();
        int generation = getStreamGeneration;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!stopping && generation == getStreamGeneration && System.nanoTime() < deadline) {
                String message = getStreamMessages.poll(50, TimeUnit.MILLISECONDS);
                if (message != null) {
                    writeEvent(out, "get-" + eventCounter.incrementAndGet(), message);
                }
            }
            out.close();
            callback.succeeded();
        } catch (InterruptedException | IOException e) {
            callback.failed(e);
        } finally {
            openGetStreams.decrementAndGet();
        }
    }

    private static OutputStream openStream(Response response) {
        response.setStatus(200);
        response.getHeaders().put("Content-Type", "text/event-stream");
        return Content.Sink.asOutputStream(response);
    }

    private static void writeEvent(OutputStream out, @Nullable String id, String data) throws IOException {
        String event = (id == null ? "" : "id: " + id + "\n") + "data: " + data + "\n\n";
        out.write(event.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void respond(
            Response response, Callback callback, int status, @Nullable String contentType, String body) {
        response.setStatus(status);
        if (contentType != null) {
            response.getHeaders().put(new HttpField("Content-Type", contentType));
        }
        Content.Sink.write(response, true, body, callback);
    }
}
