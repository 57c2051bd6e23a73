package dev.switchboard.mcp.session;

import dev.switchboard.mcp.jsonrpc.RequestId;
import dev.switchboard.mcp.protocol.McpMethods;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A request the peer sent, as its handler sees it: the message, and the means to talk back while
 * handling it (progress, notifications and nested requests that travel with it), and to learn that
 * the peer cancelled it. Thread-safe.
 */
public final class IncomingRequest {
    private final McpSession session;
    private final RequestId id;
    private final String method;
    private final @Nullable JsonNode params;
    private final @Nullable RequestId related;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Runnable> cancelHooks = new ArrayList<>(0);
    private volatile @Nullable String cancelReason;

    IncomingRequest(
            McpSession session, RequestId id, String method, @Nullable JsonNode params, @Nullable RequestId related) {
        this.session = session;
        this.id = id;
        this.method = method;
        this.params = params;
        this.related = related;
    }

    /** The session the request arrived on. */
    public McpSession session() {
        return session;
    }

    /** The peer's id for this request. */
    public RequestId id() {
        return id;
    }

    /** The method, such as {@code tools/call}. */
    public String method() {
        return method;
    }

    /** The params as sent, or {@code null}. */
    public @Nullable JsonNode params() {
        return params;
    }

    /** The params as an object, or an empty object when absent or not an object. */
    public ObjectNode paramsObject() {
        return params instanceof ObjectNode o ? o : session.codec().object();
    }

    /**
     * When this request arrived on the response stream of a request of ours, that request's id;
     * otherwise {@code null}.
     */
    public @Nullable RequestId related() {
        return related;
    }

    /** The progress token the peer asked for in {@code params._meta.progressToken}, or {@code null}. */
    public @Nullable JsonNode progressToken() {
        if (params == null) {
            return null;
        }
        JsonNode token = params.path("_meta").get("progressToken");
        return token == null || token.isNull() ? null : token;
    }

    /**
     * Sends a progress notification for this request, when the peer asked for progress; otherwise
     * does nothing.
     */
    public void progress(double progress, @Nullable Double total, @Nullable String message) {
        JsonNode token = progressToken();
        if (token == null) {
            return;
        }
        ObjectNode p = session.codec().object();
        p.set("progressToken", token);
        p.put("progress", progress);
        if (total != null) {
            p.put("total", total);
        }
        if (message != null) {
            p.put("message", message);
        }
        notify(McpMethods.PROGRESS, p);
    }

    /** Sends a notification that travels with this request (on its response stream when there is one). */
    public void notify(String notificationMethod, @Nullable JsonNode notificationParams) {
        session.notify(notificationMethod, notificationParams, id);
    }

    /** Sends a request to the peer that travels with this request, such as {@code sampling/createMessage}. */
    public CompletableFuture<JsonNode> request(
            String requestMethod, @Nullable JsonNode requestParams, RequestOptions options) {
        return session.request(requestMethod, requestParams, options.relatedTo(id));
    }

    /** Whether the peer cancelled this request (or the session closed). */
    public boolean isCancelled() {
        return cancelReason != null;
    }

    /** Why the request was cancelled, or {@code null} while it is not. */
    public @Nullable String cancelReason() {
        return cancelReason;
    }

    /** Runs {@code hook} when the request is cancelled; at once if it already is. */
    public void onCancel(Runnable hook) {
        lock.lock();
        try {
            if (cancelReason == null) {
                cancelHooks.add(hook);
                return;
            }
        } finally {
            lock.unlock();
        }
        hook.run();
    }

    void cancel(String reason) {
        List<Runnable> hooks;
        lock.lock();
        try {
            if (cancelReason != null) {
                return;
            }
            cancelReason = reason;
            hooks = List.copyOf(cancelHooks);
            cancelHooks.clear();
        } finally {
            lock.unlock();
        }
        for (Runnable hook : hooks) {
            hook.run();
        }
    }

    @Override
    public String toString() {
        return "IncomingRequest[" + method + " id=" + id + "]";
    }
}
