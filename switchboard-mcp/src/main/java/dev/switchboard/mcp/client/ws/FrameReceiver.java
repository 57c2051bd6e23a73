package dev.switchboard.mcp.client.ws;

import dev.switchboard.mcp.jsonrpc.Decoded;
import dev.switchboard.mcp.jsonrpc.JsonRpcCodec;
import dev.switchboard.mcp.jsonrpc.JsonRpcMessage;
import dev.switchboard.mcp.transport.Transport;
import dev.switchboard.mcp.transport.TransportException;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives what the WebSocket reads: joins the frames of each text message (bounded), decodes it
 * as one JSON-RPC message or batch and hands it to the transport's listener; notes pongs; reports
 * the end of the connection once. Frames are requested one at a time, so a slow listener slows the
 * reading. Called by the HTTP client's threads, one callback at a time.
 */
final class FrameReceiver implements WebSocket.Listener {
    private static final Logger log = LoggerFactory.getLogger(FrameReceiver.class);

    private final Transport.Listener listener;
    private final JsonRpcCodec codec;
    private final String owner;
    private final int maxMessageChars;
    private final Supplier<Boolean> closing;
    private final StringBuilder text = new StringBuilder();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong pongs = new AtomicLong();
    private final CompletableFuture<@Nullable Void> inputClosed = new CompletableFuture<>();

    FrameReceiver(
            Transport.Listener listener,
            JsonRpcCodec codec,
            String owner,
            int maxMessageChars,
            Supplier<Boolean> closing) {
        this.listener = listener;
        this.codec = codec;
        this.owner = owner;
        this.maxMessageChars = maxMessageChars;
        this.closing = closing;
    }

    /** How many pongs arrived. */
    long pongs() {
        return pongs.get();
    }

    /** Completes when the server's close frame arrived or the connection failed. */
    CompletableFuture<@Nullable Void> inputClosed() {
        return inputClosed;
    }

    /** Reports a message that could not be written. */
    void sendFailed(JsonRpcMessage message, Throwable cause) {
        listener.onSendFailed(message, cause);
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public @Nullable CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        if (text.length() + data.length() > maxMessageChars) {
            text.setLength(0);
            TransportException cause = new TransportException(owner + ": a message of more than " + maxMessageChars
                    + " characters (expected: at most " + maxMessageChars + ")");
            webSocket.sendClose(1009, "message too big");
            webSocket.abort();
            closed(cause);
            return null;
        }
        text.append(data);
        if (last) {
            String message = text.toString();
            text.setLength(0);
            deliver(message);
        }
        webSocket.request(1);
        return null;
    }

    private void deliver(String message) {
        for (Decoded item : codec.decode(message).items()) {
            try {
                switch (item) {
                    case Decoded.Valid valid -> listener.onMessage(valid.message(), null);
                    case Decoded.Invalid invalid ->
                        listener.onInvalidMessage(owner + ": invalid message from the server: "
                                + invalid.error().message());
                }
            } catch (RuntimeException e) {
                log.warn("{}: listener failed on a message", owner, e);
            }
        }
    }

    @Override
    public @Nullable CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        if (last) {
            try {
                listener.onInvalidMessage(owner + ": skipped a binary message (expected: text frames)");
            } catch (RuntimeException e) {
                log.warn("{}: listener failed on an invalid message", owner, e);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public @Nullable CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        pongs.incrementAndGet();
        webSocket.request(1);
        return null;
    }

    @Override
    public @Nullable CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        inputClosed.complete(null);
        closed(
                closing.get()
                        ? null
                        : new TransportException(owner + ": the server closed the connection (" + statusCode
                                + (reason.isEmpty() ? "" : " " + reason) + ")"));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        inputClosed.complete(null);
        closed(closing.get() ? null : new TransportException(owner + ": the connection failed: " + error, error));
    }

    /** Reports the end of the connection; only the first call has an effect. */
    void closed(@Nullable Throwable cause) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            listener.onClose(cause);
        } catch (RuntimeException e) {
            log.warn("{}: listener failed on close", owner, e);
        }
    }

    /** Whether the end was reported. */
    boolean isClosed() {
        return closed.get();
    }
}
