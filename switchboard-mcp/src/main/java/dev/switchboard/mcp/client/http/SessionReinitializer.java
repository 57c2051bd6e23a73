package dev.switchboard.mcp.client.http;

import dev.switchboard.mcp.jsonrpc.Decoded;
import dev.switchboard.mcp.jsonrpc.DecodedPayload;
import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcNotification;
import dev.switchboard.mcp.jsonrpc.JsonRpcRequest;
import dev.switchboard.mcp.jsonrpc.JsonRpcResponse;
import dev.switchboard.mcp.jsonrpc.RequestId;
import dev.switchboard.mcp.protocol.McpMethods;
import dev.switchboard.mcp.transport.TransportException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a new session when the server forgot ours: replays the client's initialize request with an
 * id of its own (its response goes to no listener), adopts the new session id and revision, and
 * sends {@code notifications/initialized}. One re-initialization at a time; callers that saw the
 * same expired session wait for it and then use its result. Thread-safe.
 */
final class SessionReinitializer {
    private static final Logger log = LoggerFactory.getLogger(SessionReinitializer.class);

    private final McpEndpoint endpoint;
    private final Runnable onReinitialized;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicInteger count = new AtomicInteger();
    private volatile String lastFailure = "";

    SessionReinitializer(McpEndpoint endpoint, Runnable onReinitialized) {
        this.endpoint = endpoint;
        this.onReinitialized = onReinitialized;
    }

    /** How many times a new session was opened. */
    int count() {
        return count.get();
    }

    /** Why the last re-initialization failed, or {@code ""}. */
    String lastFailure() {
        return lastFailure;
    }

    /**
     * Makes sure the session that was {@code expired} is replaced.
     *
     * @return whether a live session is now in place (opened here or by another caller)
     */
    boolean recover(RemoteSession.State expired) throws InterruptedException {
        if (!lock.tryLock(endpoint.options().responseTimeout().toNanos(), TimeUnit.NANOSECONDS)) {
            lastFailure = "timed out waiting for another re-initialization";
            return false;
        }
        try {
            if (endpoint.session().movedOn(expired)) {
                return true;
            }
            JsonRpcRequest recorded = endpoint.session().initializeRequest();
            if (recorded == null || endpoint.isClosed()) {
                lastFailure = recorded == null ? "no initialize request to replay" : "the transport is closed";
                return false;
            }
            RemoteSession.State fresh = initialize(recorded);
            sendInitialized(fresh);
            endpoint.session().replace(expired, fresh);
            int n = count.incrementAndGet();
            log.info(
                    "{}: the server expired the session; opened a new one (re-initialization {})", endpoint.owner(), n);
            onReinitialized.run();
            return true;
        } catch (IOException | TransportException e) {
            lastFailure = e.getMessage() == null ? e.toString() : e.getMessage();
            log.warn("{}: re-initialization failed: {}", endpoint.owner(), lastFailure);
            return false;
        } finally {
            lock.unlock();
        }
    }

    private RemoteSession.State initialize(JsonRpcRequest recorded) throws IOException, InterruptedException {
        RequestId id = RequestId.of("switchboard-reinitialize-" + (count.get() + 1));
        byte[] body = endpoint.codec().encode(recorded.withId(id));
        HttpResponse<InputStream> response = endpoint.calls().send(endpoint.post(body, RemoteSession.State.NONE));
        try (HttpCalls.Registration r = endpoint.calls().track(response.body())) {
            int status = response.statusCode();
            if (status == 202 || status / 100 != 2) {
                throw endpoint.httpError("initialize", status, response.body());
            }
            JsonRpcResponse answer = readAnswer(response, id);
            JsonRpcError error = answer.error();
            if (error != null) {
                throw new TransportException(
                        endpoint.owner() + ": initialize answered error " + error.code() + ": " + error.message());
            }
            return RemoteSession.State.NONE.withSessionFrom(response).withVersionFrom(answer.result());
        }
    }

    private JsonRpcResponse readAnswer(HttpResponse<InputStream> response, RequestId id) throws IOException {
        String type = Bodies.mediaType(response);
        if (type.equals(McpEndpoint.JSON)) {
            int limit = endpoint.options().maxMessageBytes();
            byte[] bytes = Bodies.readAtMost(response.body(), limit);
            if (bytes == null) {
                throw endpoint.tooLarge("initialize response", limit);
            }
            JsonRpcResponse answer = find(endpoint.codec().decode(bytes), id);
            if (answer != null) {
                return answer;
            }
        } else if (type.equals(McpEndpoint.EVENT_STREAM)) {
            SseEventReader reader =
                    new SseEventReader(response.body(), endpoint.options().maxSseEventBytes());
            SseEvent event;
            while ((event = reader.next()) != null) {
                JsonRpcResponse answer = find(endpoint.codec().decode(event.data()), id);
                if (answer != null) {
                    return answer;
                }
            }
        }
        throw new TransportException(endpoint.owner() + ": the answer to initialize (Content-Type "
                + (type.isEmpty() ? "missing" : type) + ") holds no response to it");
    }

    private static @Nullable JsonRpcResponse find(DecodedPayload payload, RequestId id) {
        for (Decoded item : payload.items()) {
            if (item instanceof Decoded.Valid(JsonRpcResponse response) && id.equals(response.id())) {
                return response;
            }
        }
        return null;
    }

    private void sendInitialized(RemoteSession.State fresh) throws IOException, InterruptedException {
        byte[] body = endpoint.codec().encode(new JsonRpcNotification(McpMethods.INITIALIZED, null));
        HttpResponse<InputStream> response = endpoint.calls().send(endpoint.post(body, fresh));
        try (HttpCalls.Registration r = endpoint.calls().track(response.body())) {
            if (response.statusCode() / 100 != 2) {
                throw endpoint.httpError("notifications/initialized", response.statusCode(), response.body());
            }
        }
    }
}
