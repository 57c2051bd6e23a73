package dev.switchboard.mcp.client.http;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.jsonrpc.JsonRpcMessage;
import dev.switchboard.mcp.jsonrpc.RequestId;
import dev.switchboard.mcp.transport.Transport;
import dev.switchboard.mcp.transport.TransportException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The client side of the legacy HTTP+SSE transport (revision 2024-11-05). {@link #start} opens the
 * event stream and waits for the {@code endpoint} event, which names where to POST messages; that
 * URL must have the same origin (scheme, host and port) as the stream, so that a server cannot
 * send our messages and headers elsewhere. Every server message arrives on the stream, with no
 * {@code related} id. Messages are posted one at a time in order. When the stream ends, the
 * transport closes with a cause. Thread-safe.
 */
public final class SseClientTransport implements Transport {
    private final McpRuntime runtime;
    private final HttpTransportOptions options;
    private final String description;
    private final HttpCalls calls;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CompletableFuture<URI> messageUri = new CompletableFuture<>();
    private final SerialLane lane;
    private volatile @Nullable Inbound inbound;

    /** A transport reading the event stream at {@code options.endpoint()}. */
    public SseClientTransport(McpRuntime runtime, HttpTransportOptions options) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.options = Objects.requireNonNull(options, "options");
        this.description = "sse(" + EndpointUri.redact(options.endpoint()) + ")";
        this.calls = new HttpCalls(runtime.httpClient(), options, runtime.timer());
        this.lane = new SerialLane(runtime.virtualThreads(), options.maxQueuedMessages(), description);
    }

    /**
     * Opens the event stream and waits, at most the connect timeout, for the endpoint event.
     *
     * @throws TransportException when the stream cannot be opened, the endpoint does not arrive in
     *     time, or it points to another origin
     */
    @Override
    public void start(Listener listener) {
        Objects.requireNonNull(listener, "listener");
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException(description + " was already started");
        }
        Inbound in = new Inbound(listener, runtime.codec(), description, response -> {});
        inbound = in;
        HttpResponse<InputStream> response = open();
        try {
            runtime.virtualThreads().execute(() -> read(response.body(), in));
            messageUri.get(options.connectTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException | ExecutionException | TimeoutException e) {
            calls.abortAll();
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            if (cause instanceof TransportException te) {
                throw te;
            }
            throw new TransportException(
                    description + ": no endpoint event within " + options.connectTimeout()
                            + (cause instanceof TimeoutException ? "" : ": " + cause),
                    cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            calls.abortAll();
            throw new TransportException(description + ": interrupted while waiting for the endpoint event", e);
        }
    }

    private HttpResponse<InputStream> open() {
        HttpRequest request = calls.request(options.endpoint(), options.connectTimeout())
                .header("Accept", McpEndpoint.EVENT_STREAM)
                .GET()
                .build();
        try {
            HttpResponse<InputStream> response = calls.send(request);
            if (response.statusCode() != 200 || !Bodies.mediaType(response).equals(McpEndpoint.EVENT_STREAM)) {
                try (InputStream body = response.body()) {
                    throw new TransportException(description + ": GET answered "
                            + Bodies.statusWithSnippet(response.statusCode(), body) + " (expected: 200 with "
                            + McpEndpoint.EVENT_STREAM + ")");
                }
            }
            return response;
        } catch (IOException e) {
            throw new TransportException(description + ": cannot open the event stream: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(description + ": interrupted while opening the event stream", e);
        }
    }

    private void read(InputStream body, Inbound in) {
        Throwable cause;
        try (HttpCalls.Registration r = calls.track(body)) {
            SseEventReader reader = new SseEventReader(body, options.maxSseEventBytes());
            SseEvent event;
            while ((event = reader.next()) != null) {
                switch (event.type()) {
                    case "endpoint" -> onEndpoint(event.data());
                    case SseEvent.DEFAULT_TYPE -> {
                        if (!event.data().isBlank()) {
                            in.deliverPayload(runtime.codec().decode(event.data()), null, null);
                        }
                    }
                    default -> in.invalid("skipped an event of type " + event.type());
                }
            }
            cause = new TransportException(description + ": the server ended the event stream");
        } catch (IOException e) {
            cause = new TransportException(description + ": the event stream broke: " + e, e);
        }
        messageUri.completeExceptionally(cause);
        if (!closed.get()) {
            calls.abortAll();
            in.closed(cause);
        }
    }

    private void onEndpoint(String data) {
        URI resolved;
        try {
            resolved = options.endpoint().resolve(data.strip());
        } catch (IllegalArgumentException e) {
            messageUri.completeExceptionally(new TransportException(
                    description + ": endpoint: \"" + data + "\" (expected: a URL or a path)", e));
            return;
        }
        if (!EndpointUri.sameOrigin(resolved, options.endpoint())) {
            messageUri.completeExceptionally(new TransportException(description + ": endpoint: "
                    + EndpointUri.redact(resolved) + " (expected: the same scheme, host and port as the event"
                    + " stream; a server may not send our messages elsewhere)"));
            return;
        }
        messageUri.complete(resolved);
    }

    /** Queues the message; it is posted after every message sent before it. */
    @Override
    public void send(JsonRpcMessage message, @Nullable RequestId related) {
        Inbound in = inbound;
        URI target = messageUri.getNow(null);
        if (in == null || target == null) {
            throw new IllegalStateException(description + " is not started");
        }
        if (closed.get() || in.isClosed()) {
            throw new TransportException(description + " is closed");
        }
        lane.submit(() -> post(in, target, message));
    }

    private void post(Inbound in, URI target, JsonRpcMessage message) {
        if (closed.get()) {
            return;
        }
        HttpRequest request = calls.request(target, options.responseTimeout())
                .header("Content-Type", McpEndpoint.JSON)
                .POST(HttpRequest.BodyPublishers.ofByteArray(runtime.codec().encode(message)))
                .build();
        try {
            HttpResponse<InputStream> response = calls.send(request);
            try (HttpCalls.Registration r = calls.track(response.body())) {
                if (response.statusCode() / 100 != 2) {
                    in.sendFailed(
                            message,
                            new TransportException(description + ": POST answered "
                                    + Bodies.statusWithSnippet(response.statusCode(), response.body())));
                    return;
                }
                Bodies.drain(response.body(), options.maxMessageBytes());
            }
        } catch (IOException e) {
            in.sendFailed(message, new TransportException(description + ": POST failed: " + e, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes the event stream and reports the close. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        calls.abortAll();
        messageUri.completeExceptionally(new TransportException(description + " is closed"));
        Inbound in = inbound;
        if (in != null) {
            in.closed(null);
        }
    }

    @Override
    public String describe() {
        return description;
    }
}
