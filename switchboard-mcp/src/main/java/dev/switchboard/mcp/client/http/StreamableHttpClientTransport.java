package dev.switchboard.mcp.client.http;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.jsonrpc.JsonRpcMessage;
import dev.switchboard.mcp.jsonrpc.JsonRpcNotification;
import dev.switchboard.mcp.jsonrpc.JsonRpcRequest;
import dev.switchboard.mcp.jsonrpc.RequestId;
import dev.switchboard.mcp.protocol.McpMethods;
import dev.switchboard.mcp.transport.Transport;
import dev.switchboard.mcp.transport.TransportException;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The client side of MCP's Streamable HTTP transport (revisions 2025-03-26, 2025-06-18 and
 * 2025-11-25). Each message is POSTed to the endpoint; a request's answer is read as JSON or as an
 * event stream on a virtual thread, so {@link #send} never waits for it. The server's requests and
 * notifications on a request's stream reach the listener with that request's id as {@code related};
 * those on the GET stream, opened after initialization, with none.
 *
 * <p>The transport watches the initialize exchange to learn the {@code Mcp-Session-Id} and the
 * negotiated revision, and sends both on every later request ({@code MCP-Protocol-Version} from
 * 2025-06-18 on). When the server answers 404 (or 400) for our session, the transport opens a new
 * session by replaying the initialize request, then retries the rejected POST once; where a retry
 * could run a request twice, the request fails with {@link
 * dev.switchboard.mcp.transport.SessionExpiredException} instead. Server-side state of the old
 * session (subscriptions, log level) is lost: {@link #reinitializations()} and the callback given
 * to the constructor tell the owner.
 *
 * <p>Ordering: a message is posted only after every notification and response sent before it was
 * accepted by the server; requests then run concurrently (at most {@code maxConcurrentRequests}).
 * Thread-safe. Uses the runtime's shared HTTP client and virtual threads.
 */
public final class StreamableHttpClientTransport implements Transport {
    private static final Logger log = LoggerFactory.getLogger(StreamableHttpClientTransport.class);

    private final McpRuntime runtime;
    private final HttpTransportOptions options;
    private final Runnable onReinitialized;
    private final String description;
    private final RemoteSession session = new RemoteSession();
    private final HttpCalls calls;
    private final Semaphore requestSlots;
    private final Map<RequestId, PostExchange> exchanges = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile @Nullable Parts parts;

    /** What exists once started. */
    private record Parts(
            McpEndpoint endpoint, SessionReinitializer reinitializer, OneWayPost oneWay, SerialLane lane) {}

    /** A transport to {@code options.endpoint()}; nothing is sent until {@link #start}. */
    public StreamableHttpClientTransport(McpRuntime runtime, HttpTransportOptions options) {
        this(runtime, options, () -> {});
    }

    /**
     * A transport that calls {@code onReinitialized} (on the thread that noticed the expiry; it must
     * not block) each time it opened a new session because the server expired the old one.
     */
    public StreamableHttpClientTransport(McpRuntime runtime, HttpTransportOptions options, Runnable onReinitialized) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.options = Objects.requireNonNull(options, "options");
        this.onReinitialized = Objects.requireNonNull(onReinitialized, "onReinitialized");
        this.description = "http(" + EndpointUri.redact(options.endpoint()) + ")";
        this.calls = new HttpCalls(runtime.httpClient(), options, runtime.timer());
        this.requestSlots = new Semaphore(options.maxConcurrentRequests(), true);
    }

    /** Prepares the transport; HTTP is stateless until the first message, so nothing is sent. */
    @Override
    public void start(Listener listener) {
        Objects.requireNonNull(listener, "listener");
        if (parts != null) {
            throw new IllegalStateException(description + " was already started");
        }
        Inbound inbound = new Inbound(listener, runtime.codec(), description, session::observe);
        McpEndpoint endpoint = new McpEndpoint(description, options, calls, session, inbound, runtime.codec());
        ServerEventStream serverStream = new ServerEventStream(endpoint, runtime.virtualThreads());
        SessionReinitializer reinitializer = new SessionReinitializer(endpoint, () -> {
            serverStream.start();
            onReinitialized.run();
        });
        SerialLane lane = new SerialLane(runtime.virtualThreads(), options.maxQueuedMessages(), description);
        parts = new Parts(endpoint, reinitializer, new OneWayPost(endpoint, reinitializer, serverStream), lane);
    }

    @Override
    public void send(JsonRpcMessage message, @Nullable RequestId related) {
        Parts p = parts;
        if (p == null) {
            throw new IllegalStateException(description + " is not started");
        }
        if (closed.get()) {
            throw new TransportException(description + " is closed");
        }
        switch (message) {
            case JsonRpcRequest request -> {
                int limit = options.maxConcurrentRequests() + options.maxQueuedMessages();
                if (exchanges.size() >= limit) {
                    throw new TransportException(description + ": requests in flight or waiting: " + exchanges.size()
                            + " (expected: fewer than " + limit + ")");
                }
                if (RemoteSession.isInitialize(request)) {
                    session.recordInitialize(request);
                }
                PostExchange exchange = new PostExchange(p.endpoint(), p.reinitializer(), request);
                exchanges.put(request.id(), exchange);
                try {
                    if (p.lane().isIdle()) {
                        // nothing sent before it still waits to be accepted: skip the lane's thread
                        startExchangeNow(exchange);
                    } else {
                        p.lane().submit(() -> startExchange(exchange));
                    }
                } catch (TransportException e) {
                    exchanges.remove(request.id(), exchange);
                    throw e;
                }
            }
            case JsonRpcNotification notification -> {
                abortCancelled(notification);
                p.lane().submit(() -> p.oneWay().post(message));
            }
            default -> p.lane().submit(() -> p.oneWay().post(message));
        }
    }

    /** How many times the transport opened a new session because the server expired the old one. */
    public int reinitializations() {
        Parts p = parts;
        return p == null ? 0 : p.reinitializer().count();
    }

    /** The current {@code Mcp-Session-Id}, or {@code null} before initialization or without sessions. */
    public @Nullable String sessionId() {
        return session.current().sessionId();
    }

    /** The revision sent in {@code MCP-Protocol-Version}, or {@code null} before initialization. */
    public @Nullable String protocolVersion() {
        return session.current().protocolVersion();
    }

    /**
     * Stops the GET stream and every exchange, ends the session with a DELETE (a 405 is fine),
     * bounded by the close timeout, and reports the close. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Parts p = parts;
        if (p == null) {
            return;
        }
        p.endpoint().markClosed();
        exchanges.values().forEach(PostExchange::abort);
        deleteSession(p.endpoint());
        p.endpoint().inbound().closed(null);
    }

    @Override
    public String describe() {
        return description;
    }

    /** Starts {@code exchange} on its thread; throws, without reporting, when that is not possible. */
    private void startExchangeNow(PostExchange exchange) {
        try {
            runtime.virtualThreads().execute(() -> runExchange(exchange));
        } catch (RejectedExecutionException e) {
            throw new TransportException(description + ": cannot send, shutting down", e);
        }
    }

    private void startExchange(PostExchange exchange) {
        try {
            runtime.virtualThreads().execute(() -> runExchange(exchange));
        } catch (RejectedExecutionException e) {
            exchanges.remove(exchange.request().id(), exchange);
            Parts p = Objects.requireNonNull(parts);
            p.endpoint()
                    .inbound()
                    .sendFailed(
                            exchange.request(),
                            new TransportException(description + ": cannot send, shutting down", e));
        }
    }

    private void runExchange(PostExchange exchange) {
        exchange.bindToCurrentThread();
        try {
            if (!closed.get() && acquireSlot(exchange)) {
                try {
                    exchange.run();
                } finally {
                    requestSlots.release();
                }
            }
        } finally {
            exchanges.remove(exchange.request().id(), exchange);
            exchange.unbind();
        }
    }

    private boolean acquireSlot(PostExchange exchange) {
        try {
            if (requestSlots.tryAcquire(options.responseTimeout().toNanos(), TimeUnit.NANOSECONDS)) {
                return true;
            }
            Objects.requireNonNull(parts)
                    .endpoint()
                    .inbound()
                    .sendFailed(
                            exchange.request(),
                            new TransportException(description + ": requests in flight: "
                                    + options.maxConcurrentRequests() + " for " + options.responseTimeout()
                                    + " (expected: a free slot within the response timeout)"));
            return false;
        } catch (InterruptedException e) {
            // aborted while waiting: the caller gave up or the transport closed
            return false;
        }
    }

    /** The caller gave up on a request: stop reading its answer and free its slot. */
    private void abortCancelled(JsonRpcNotification notification) {
        JsonNode params = notification.params();
        if (McpMethods.CANCELLED.equals(notification.method()) && params != null) {
            RequestId id = RequestId.fromJson(params.get("requestId"));
            PostExchange exchange = id == null ? null : exchanges.get(id);
            if (exchange != null) {
                exchange.abort();
            }
        }
    }

    private void deleteSession(McpEndpoint endpoint) {
        RemoteSession.State state = session.current();
        if (state.sessionId() == null) {
            return;
        }
        CompletableFuture<HttpResponse<Void>> deleting =
                runtime.httpClient().sendAsync(endpoint.delete(state), HttpResponse.BodyHandlers.discarding());
        try {
            HttpResponse<Void> response = deleting.get(options.closeTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (response.statusCode() / 100 != 2 && response.statusCode() != 405 && response.statusCode() != 404) {
                log.debug("{}: DELETE of the session answered {}", description, response.statusCode());
            }
        } catch (InterruptedException e) {
            deleting.cancel(true);
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            deleting.cancel(true);
            log.debug("{}: DELETE of the session failed: {}", description, e.toString());
        }
    }
}
