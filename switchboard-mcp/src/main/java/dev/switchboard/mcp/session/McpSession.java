package dev.switchboard.mcp.session;

import dev.switchboard.mcp.jsonrpc.JsonRpcCodec;
import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import dev.switchboard.mcp.jsonrpc.JsonRpcMessage;
import dev.switchboard.mcp.jsonrpc.JsonRpcNotification;
import dev.switchboard.mcp.jsonrpc.JsonRpcRequest;
import dev.switchboard.mcp.jsonrpc.JsonRpcResponse;
import dev.switchboard.mcp.jsonrpc.RequestId;
import dev.switchboard.mcp.protocol.McpMethods;
import dev.switchboard.mcp.transport.Transport;
import dev.switchboard.mcp.transport.TransportException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One MCP session over a {@link Transport}, the same on the client and the server side. It sends
 * requests with ids of its own and correlates the responses, with any number in flight; gives each
 * request a timeout, after which the peer gets {@code notifications/cancelled}; sends the same
 * notification when the caller cancels the returned future; routes progress notifications to the
 * request that asked for them; answers {@code ping}; runs the peer's requests on virtual threads
 * through an {@link IncomingHandler} (or, for what arrives in relation to a pending request of ours,
 * that request's {@link RequestOptions#relatedHandler}) and stops answering one the peer cancelled.
 * Every pending
 * entry is removed on every outcome: response, error, timeout, cancellation, send failure, close.
 *
 * <p>Thread-safe. Futures complete on transport or timer threads: callbacks must not block.
 */
public final class McpSession implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(McpSession.class);

    private final Transport transport;
    private final SessionOptions options;
    private final AtomicLong nextId = new AtomicLong(1);
    private final Map<RequestId, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, Pending> progressRoutes = new ConcurrentHashMap<>();
    private final Map<RequestId, IncomingRequest> inFlight = new ConcurrentHashMap<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final CompletableFuture<@Nullable Throwable> closed = new CompletableFuture<>();
    private volatile IncomingHandler handler = NoHandler.INSTANCE;

    /** A session over {@code transport}; nothing happens until {@link #start}. */
    public McpSession(Transport transport, SessionOptions options) {
        this.transport = transport;
        this.options = options;
    }

    /**
     * Starts the transport and begins dispatching the peer's messages to {@code incoming}.
     *
     * @throws TransportException when the transport cannot start
     * @throws IllegalStateException when already started
     */
    public void start(IncomingHandler incoming) {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("session " + options.name() + " was already started");
        }
        this.handler = incoming;
        transport.start(new Listener());
    }

    /** The session's name, as given in its options. */
    public String name() {
        return options.name();
    }

    /** The codec, for building params. */
    public JsonRpcCodec codec() {
        return options.codec();
    }

    /** The transport under this session. */
    public Transport transport() {
        return transport;
    }

    /** Sends a request with the default options. */
    public CompletableFuture<JsonNode> request(String method, @Nullable JsonNode params) {
        return request(method, params, RequestOptions.defaults());
    }

    /**
     * Sends a request. The future completes with the result, or exceptionally with a {@link
     * JsonRpcException} for an error response, a {@link McpTimeoutException}, or a {@link
     * TransportException} when the request could not be delivered or the session closed.
     * Cancelling the future sends {@code notifications/cancelled} to the peer.
     */
    public CompletableFuture<JsonNode> request(
            String method, @Nullable JsonNode params, RequestOptions requestOptions) {
        RequestId id = RequestId.of(nextId.getAndIncrement());
        Duration timeout = requestOptions.timeout() != null ? requestOptions.timeout() : options.requestTimeout();
        Pending p = new Pending(id, method, timeout, requestOptions);
        if (closed.isDone()) {
            p.completeExceptionally(closedException(true));
            return p;
        }
        JsonNode sentParams = params;
        if (requestOptions.progress() != null) {
            p.progressToken = "p" + id;
            sentParams = withProgressToken(params, p.progressToken);
            progressRoutes.put(p.progressToken, p);
        }
        pending.put(id, p);
        p.armTimeout();
        try {
            transport.send(new JsonRpcRequest(id, method, sentParams), requestOptions.related());
        } catch (RuntimeException e) {
            fail(id, notSent(method, e));
        }
        return p;
    }

    /** Sends a notification. */
    public void notify(String method, @Nullable JsonNode params) {
        notify(method, params, null);
    }

    /** Sends a notification that travels with the peer's request {@code related} (or none when null). */
    public void notify(String method, @Nullable JsonNode params, @Nullable RequestId related) {
        transport.send(new JsonRpcNotification(method, params), related);
    }

    /** Number of our requests still waiting for a response. */
    public int pendingRequests() {
        return pending.size();
    }

    /** Number of the peer's requests being handled. */
    public int requestsInFlight() {
        return inFlight.size();
    }

    /** Whether the session is open (started or not yet, and not closed). */
    public boolean isOpen() {
        return !closed.isDone();
    }

    /** Completes when the session closes, with the cause or {@code null} for a normal close. */
    public CompletableFuture<@Nullable Throwable> closeFuture() {
        return closed;
    }

    /** Closes the transport; pending requests fail with a {@link TransportException}. Idempotent. */
    @Override
    public void close() {
        transport.close();
        onClosed(null);
    }

    private String describe() {
        return "session " + options.name();
    }

    /** The session closed; {@code unprocessed} when the request never reached the transport. */
    private TransportException closedException(boolean unprocessed) {
        Throwable cause = closed.getNow(null);
        return new TransportException(
                describe() + " is closed"
                        + (cause != null && cause.getMessage() != null ? ": " + cause.getMessage() : ""),
                cause,
                unprocessed);
    }

    /** The transport refused the request before it reached the wire: the peer never saw it. */
    private TransportException notSent(String method, RuntimeException e) {
        if (e instanceof TransportException t && t.unprocessed()) {
            return t;
        }
        String message = e instanceof TransportException && e.getMessage() != null
                ? e.getMessage()
                : describe() + ": cannot send " + method;
        return new TransportException(message, e, true);
    }

    private ObjectNode withProgressToken(@Nullable JsonNode params, String token) {
        ObjectNode copy = codec().object();
        if (params instanceof ObjectNode o) {
            copy.setAll(o);
        }
        ObjectNode meta = codec().object();
        if (copy.get("_meta") instanceof ObjectNode oldMeta) {
            meta.setAll(oldMeta);
        }
        meta.put("progressToken", token);
        copy.set("_meta", meta);
        return copy;
    }

    private void fail(RequestId id, Throwable cause) {
        Pending p = pending.remove(id);
        if (p != null) {
            p.finish();
            p.completeExceptionally(cause);
        }
    }

    private void sendCancelled(RequestId id, String reason) {
        if (closed.isDone()) {
            return;
        }
        ObjectNode params = codec().object();
        params.set("requestId", id.toJson());
        params.put("reason", reason);
        try {
            transport.send(new JsonRpcNotification(McpMethods.CANCELLED, params), null);
        } catch (RuntimeException e) {
            log.debug("{}: could not send cancellation of request {}: {}", describe(), id, e.toString());
        }
    }

    private void runOffTimer(Runnable task) {
        try {
            options.handlerExecutor().execute(task);
        } catch (RejectedExecutionException e) {
            log.debug("{}: shutting down, dropped a cancellation", describe());
        }
    }

    private void onResponse(JsonRpcResponse response) {
        RequestId id = response.id();
        Pending p = id == null ? null : pending.remove(id);
        if (p == null) {
            if (response.isError()) {
                log.debug("{}: peer reported an error for no pending request: {}", describe(), response.error());
            } else {
                log.debug("{}: response for unknown or expired request {}", describe(), id);
            }
            return;
        }
        p.finish();
        JsonRpcError error = response.error();
        if (error != null) {
            p.completeExceptionally(new JsonRpcException(error));
        } else {
            p.complete(response.result());
        }
    }

    private void onRequest(JsonRpcRequest request, @Nullable RequestId related) {
        if (McpMethods.PING.equals(request.method())) {
            reply(JsonRpcResponse.success(request.id(), codec().object()));
            return;
        }
        IncomingRequest incoming = new IncomingRequest(this, request.id(), request.method(), request.params(), related);
        if (inFlight.putIfAbsent(request.id(), incoming) != null) {
            reply(JsonRpcResponse.failure(
                    request.id(),
                    JsonRpcError.of(
                            JsonRpcError.INVALID_REQUEST,
                            "Invalid request: id " + request.id() + " is already in use")));
            return;
        }
        IncomingHandler target = handlerFor(related);
        if (transport.deliversOnRequestThreads() && target.handlesOnDeliveringThread(incoming)) {
            handle(target, incoming);
            return;
        }
        try {
            options.handlerExecutor().execute(() -> handle(target, incoming));
        } catch (RejectedExecutionException e) {
            inFlight.remove(request.id());
            reply(JsonRpcResponse.failure(request.id(), JsonRpcError.of(JsonRpcError.INTERNAL_ERROR, "shutting down")));
        }
    }

    /**
     * The handler of what the peer sends in relation to our request {@code related}: that request's
     * own {@link RequestOptions#relatedHandler} while it is pending, else the session's.
     */
    private IncomingHandler handlerFor(@Nullable RequestId related) {
        Pending p = related == null ? null : pending.get(related);
        IncomingHandler own = p == null ? null : p.requestOptions.relatedHandler();
        return own != null ? own : handler;
    }

    private void handle(IncomingHandler target, IncomingRequest incoming) {
        CompletionStage<JsonNode> stage;
        try {
            stage = target.onRequest(incoming);
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        stage.whenComplete((result, error) -> {
            // removed only after the reply is written, so that "nothing in flight" means every
            // answer is out (a stdio server drains on that before it closes)
            if (inFlight.get(incoming.id()) != incoming || incoming.isCancelled()) {
                inFlight.remove(incoming.id(), incoming);
                return;
            }
            if (error == null) {
                reply(JsonRpcResponse.success(incoming.id(), result == null ? codec().object() : result));
            } else {
                reply(JsonRpcResponse.failure(incoming.id(), toError(incoming, error)));
            }
            inFlight.remove(incoming.id(), incoming);
        });
    }

    private JsonRpcError toError(IncomingRequest incoming, Throwable error) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (e instanceof JsonRpcException rpc) {
            return rpc.error();
        }
        log.warn("{}: handler of {} failed", describe(), incoming, e);
        String message = e.getMessage();
        return JsonRpcError.of(
                JsonRpcError.INTERNAL_ERROR, message == null ? e.getClass().getSimpleName() : message);
    }

    private void reply(JsonRpcResponse response) {
        try {
            transport.send(response, null);
        } catch (RuntimeException e) {
            log.debug("{}: could not send response to {}: {}", describe(), response.id(), e.toString());
        }
    }

    private void onNotification(JsonRpcNotification notification, @Nullable RequestId related) {
        switch (notification.method()) {
            case McpMethods.CANCELLED -> {
                JsonNode params = notification.params();
                RequestId id = params == null ? null : RequestId.fromJson(params.get("requestId"));
                IncomingRequest incoming = id == null ? null : inFlight.remove(id);
                if (incoming != null && params != null) {
                    JsonNode reason = params.get("reason");
                    incoming.cancel(reason != null && reason.isString() ? reason.asString() : "cancelled by the peer");
                }
            }
            case McpMethods.PROGRESS -> {
                JsonNode token = notification.params() == null
                        ? null
                        : notification.params().get("progressToken");
                Pending p = token == null ? null : progressRoutes.get(token.asString());
                if (p != null && notification.params() instanceof ObjectNode params) {
                    p.onProgress(params);
                } else {
                    dispatchNotification(notification, related);
                }
            }
            default -> dispatchNotification(notification, related);
        }
    }

    private void dispatchNotification(JsonRpcNotification notification, @Nullable RequestId related) {
        try {
            handlerFor(related).onNotification(notification, related);
        } catch (RuntimeException e) {
            log.warn("{}: handler of {} failed", describe(), notification.method(), e);
        }
    }

    private void onClosed(@Nullable Throwable cause) {
        if (!closed.complete(cause)) {
            return;
        }
        TransportException failure = closedException(false);
        for (RequestId id : pending.keySet()) {
            fail(id, failure);
        }
        for (IncomingRequest incoming : inFlight.values()) {
            incoming.cancel("session closed");
        }
        inFlight.clear();
        try {
            handler.onClose(cause);
        } catch (RuntimeException e) {
            log.warn("{}: close handler failed", describe(), e);
        }
    }

    private final class Listener implements Transport.Listener {
        @Override
        public void onMessage(JsonRpcMessage message, @Nullable RequestId related) {
            switch (message) {
                case JsonRpcResponse r -> onResponse(r);
                case JsonRpcRequest r -> onRequest(r, related);
                case JsonRpcNotification n -> onNotification(n, related);
            }
        }

        @Override
        public void onSendFailed(JsonRpcMessage message, Throwable cause) {
            if (message instanceof JsonRpcRequest r) {
                fail(r.id(), cause);
            } else {
                log.debug(
                        "{}: could not deliver {}: {}",
                        describe(),
                        message.getClass().getSimpleName(),
                        cause.toString());
            }
        }

        @Override
        public void onClose(@Nullable Throwable cause) {
            onClosed(cause);
        }
    }

    /** An outgoing request waiting for its response. */
    private final class Pending extends CompletableFuture<JsonNode> {
        private final RequestId id;
        private final String method;
        private final Duration timeout;
        private final RequestOptions requestOptions;
        private volatile @Nullable ScheduledFuture<?> timer;
        private @Nullable String progressToken;

        Pending(RequestId id, String method, Duration timeout, RequestOptions requestOptions) {
            this.id = id;
            this.method = method;
            this.timeout = timeout;
            this.requestOptions = requestOptions;
        }

        void armTimeout() {
            timer = options.timer().schedule(this::onTimeout, timeout.toNanos(), TimeUnit.NANOSECONDS);
        }

        void onTimeout() {
            if (pending.remove(id, this)) {
                finish();
                completeExceptionally(new McpTimeoutException(method, timeout));
                // a send may block on a stuck peer: never on the timer thread every timeout shares
                runOffTimer(() -> sendCancelled(id, "timed out after " + timeout.toMillis() + " ms"));
            }
        }

        void onProgress(ObjectNode params) {
            if (requestOptions.resetTimeoutOnProgress() && pending.get(id) == this) {
                ScheduledFuture<?> t = timer;
                if (t != null) {
                    t.cancel(false);
                }
                armTimeout();
            }
            ProgressListener listener = requestOptions.progress();
            if (listener != null) {
                try {
                    listener.onProgress(params);
                } catch (RuntimeException e) {
                    log.warn("{}: progress listener of {} failed", describe(), method, e);
                }
            }
        }

        /** Releases the timer and the progress route; the caller has removed the pending entry. */
        void finish() {
            ScheduledFuture<?> t = timer;
            if (t != null) {
                t.cancel(false);
            }
            if (progressToken != null) {
                progressRoutes.remove(progressToken);
            }
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            if (cancelled && pending.remove(id, this)) {
                finish();
                sendCancelled(id, "cancelled by the caller");
            }
            return cancelled;
        }
    }

    private enum NoHandler implements IncomingHandler {
        INSTANCE;

        @Override
        public CompletionStage<JsonNode> onRequest(IncomingRequest request) {
            return CompletableFuture.failedFuture(
                    new JsonRpcException(JsonRpcError.METHOD_NOT_FOUND, "Method not found: " + request.method()));
        }
    }
}
