package dev.switchboard.mcp.client.ws;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.jsonrpc.JsonRpcMessage;
import dev.switchboard.mcp.jsonrpc.RequestId;
import dev.switchboard.mcp.transport.Transport;
import dev.switchboard.mcp.transport.TransportException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MCP over a WebSocket, with the JDK client from the runtime's shared {@link
 * java.net.http.HttpClient}: subprotocol {@code mcp}, one JSON-RPC message per text message (its
 * frames joined, bounded in size). Sends are chained so that one text message is written at a time,
 * in the order of {@link #send}; optional pings detect a dead peer (no pong for three intervals). {@link #close} runs the close
 * handshake within a bound. Thread-safe.
 */
public final class WebSocketClientTransport implements Transport {
    private static final Logger log = LoggerFactory.getLogger(WebSocketClientTransport.class);
    private static final long SLACK_MILLIS = 1000;
    /** Ping intervals in a row without a pong after which the peer counts as dead. */
    static final int MAX_MISSED_PONGS = 3;

    private final McpRuntime runtime;
    private final WebSocketOptions options;
    private final String description;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final ReentrantLock sendLock = new ReentrantLock();
    private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);
    private int queued;
    private volatile @Nullable WebSocket webSocket;
    private volatile @Nullable FrameReceiver receiver;
    private volatile @Nullable ScheduledFuture<?> pinger;
    private volatile long pongsAtLastPing = -1;
    private volatile int missedPongs;

    /** A transport to {@code options.uri()}; nothing happens until {@link #start}. */
    public WebSocketClientTransport(McpRuntime runtime, WebSocketOptions options) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.options = Objects.requireNonNull(options, "options");
        this.description = "websocket(" + redact(options.uri()) + ")";
    }

    /**
     * Opens the connection, within the connect timeout.
     *
     * @throws TransportException when the handshake fails, with the HTTP status when there was one
     */
    @Override
    public void start(Listener listener) {
        Objects.requireNonNull(listener, "listener");
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException(description + " was already started");
        }
        FrameReceiver frames =
                new FrameReceiver(listener, runtime.codec(), description, options.maxMessageChars(), closing::get);
        receiver = frames;
        WebSocket.Builder builder = runtime.httpClient()
                .newWebSocketBuilder()
                .subprotocols(WebSocketOptions.SUBPROTOCOL)
                .connectTimeout(options.connectTimeout());
        options.headers().forEach(builder::header);
        CompletableFuture<WebSocket> connecting = builder.buildAsync(options.uri(), frames);
        try {
            webSocket = connecting.get(options.connectTimeout().toMillis() + SLACK_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new TransportException(
                    description + ": cannot connect: " + handshakeFailure(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            connecting.cancel(true);
            throw new TransportException(description + ": no handshake within " + options.connectTimeout(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            connecting.cancel(true);
            throw new TransportException(description + ": interrupted while connecting", e);
        }
        Duration interval = options.pingInterval();
        if (interval != null) {
            pinger = runtime.timer()
                    .scheduleAtFixedRate(this::ping, interval.toNanos(), interval.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private static String handshakeFailure(@Nullable Throwable cause) {
        if (cause instanceof WebSocketHandshakeException h) {
            return "the server answered HTTP " + h.getResponse().statusCode();
        }
        return String.valueOf(cause);
    }

    /**
     * Queues the message as one text message; it is written after every message sent before it.
     *
     * @throws TransportException when closed or when too many messages wait
     */
    @Override
    public void send(JsonRpcMessage message, @Nullable RequestId related) {
        WebSocket ws = webSocket;
        FrameReceiver frames = receiver;
        if (ws == null || frames == null) {
            throw new IllegalStateException(description + " is not started");
        }
        if (closing.get() || frames.isClosed()) {
            throw new TransportException(description + " is closed");
        }
        String text = runtime.codec().encodeToString(message);
        sendLock.lock();
        try {
            if (queued >= options.maxQueuedMessages()) {
                throw new TransportException(description + ": messages waiting to be written: " + queued
                        + " (expected: fewer than " + options.maxQueuedMessages() + ")");
            }
            queued++;
            tail = tail.handle((ignored, error) -> null)
                    .thenCompose(ignored -> ws.sendText(text, true))
                    .whenComplete((ignored, error) -> written(message, error, frames));
        } finally {
            sendLock.unlock();
        }
    }

    private void written(JsonRpcMessage message, @Nullable Throwable error, FrameReceiver frames) {
        sendLock.lock();
        try {
            queued--;
        } finally {
            sendLock.unlock();
        }
        if (error != null && !closing.get() && !frames.isClosed()) {
            try {
                frames.sendFailed(message, new TransportException(description + ": write failed: " + error, error));
            } catch (RuntimeException e) {
                log.warn("{}: listener failed on a send failure", description, e);
            }
        }
    }

    /** How many pongs the server sent back to our pings. */
    public long pongsReceived() {
        FrameReceiver frames = receiver;
        return frames == null ? 0 : frames.pongs();
    }

    private void ping() {
        WebSocket ws = webSocket;
        FrameReceiver frames = receiver;
        if (ws == null || frames == null || closing.get()) {
            return;
        }
        long pongs = frames.pongs();
        missedPongs = pongs == pongsAtLastPing ? missedPongs + 1 : 0;
        if (missedPongs >= MAX_MISSED_PONGS) {
            ws.abort();
            frames.closed(new TransportException(description + ": no pong for " + MAX_MISSED_PONGS
                    + " ping intervals of " + options.pingInterval()));
            return;
        }
        pongsAtLastPing = pongs;
        ws.sendPing(ByteBuffer.allocate(0)).exceptionally(e -> {
            log.debug("{}: ping failed: {}", description, e.toString());
            return null;
        });
    }

    /**
     * Sends a close frame, waits for the server's (at most the close timeout), then drops the
     * connection and reports the close. Idempotent.
     */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        ScheduledFuture<?> p = pinger;
        if (p != null) {
            p.cancel(false);
        }
        WebSocket ws = webSocket;
        FrameReceiver frames = receiver;
        if (ws != null) {
            try {
                long deadline = System.nanoTime() + options.closeTimeout().toNanos();
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "closing")
                        .get(options.closeTimeout().toNanos(), TimeUnit.NANOSECONDS);
                if (frames != null) {
                    frames.inputClosed().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                log.debug("{}: close handshake failed: {}", description, e.toString());
            } finally {
                ws.abort();
            }
        }
        if (frames != null) {
            frames.closed(null);
        }
    }

    @Override
    public String describe() {
        return description;
    }

    private static String redact(URI uri) {
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
        } catch (URISyntaxException e) {
            return "<unprintable URL>";
        }
    }
}
