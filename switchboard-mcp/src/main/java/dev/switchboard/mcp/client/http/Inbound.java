package dev.switchboard.mcp.client.http;

import dev.switchboard.mcp.jsonrpc.Decoded;
import dev.switchboard.mcp.jsonrpc.DecodedPayload;
import dev.switchboard.mcp.jsonrpc.JsonRpcCodec;
import dev.switchboard.mcp.jsonrpc.JsonRpcMessage;
import dev.switchboard.mcp.jsonrpc.JsonRpcResponse;
import dev.switchboard.mcp.jsonrpc.RequestId;
import dev.switchboard.mcp.transport.Transport;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The way from the wire to a transport's listener: decodes payloads and events, lets the transport
 * observe responses before the listener sees them, shields reader threads from listener failures,
 * and reports the close once. Thread-safe.
 */
final class Inbound {
    private static final Logger log = LoggerFactory.getLogger(Inbound.class);

    private final Transport.Listener listener;
    private final JsonRpcCodec codec;
    private final String owner;
    private final Consumer<JsonRpcResponse> responseObserver;
    private final AtomicBoolean closed = new AtomicBoolean();

    Inbound(Transport.Listener listener, JsonRpcCodec codec, String owner, Consumer<JsonRpcResponse> observer) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.codec = codec;
        this.owner = owner;
        this.responseObserver = observer;
    }

    /**
     * Decodes a payload and delivers its messages; requests and notifications get {@code related},
     * responses none.
     *
     * @return whether a response to {@code awaited} was among them
     */
    boolean deliverPayload(DecodedPayload payload, @Nullable RequestId related, @Nullable RequestId awaited) {
        boolean answered = false;
        for (Decoded item : payload.items()) {
            switch (item) {
                case Decoded.Valid valid -> {
                    JsonRpcMessage message = valid.message();
                    if (message instanceof JsonRpcResponse response) {
                        answered |= awaited != null && awaited.equals(response.id());
                        deliver(message, null);
                    } else {
                        deliver(message, related);
                    }
                }
                case Decoded.Invalid invalid ->
                    invalid("invalid message from the server: "
                            + invalid.error().message());
            }
        }
        return answered;
    }

    /**
     * Reads events until the stream ends or a response to {@code awaited} was delivered; events of
     * a type other than {@code message} and events without data are skipped.
     *
     * @return whether the response to {@code awaited} was delivered
     * @throws IOException when the stream breaks or an event is too large
     */
    boolean pump(SseEventReader reader, @Nullable RequestId related, @Nullable RequestId awaited) throws IOException {
        SseEvent event;
        while ((event = reader.next()) != null) {
            if (!SseEvent.DEFAULT_TYPE.equals(event.type())) {
                log.debug("{}: skipped an event of type {}", owner, event.type());
                continue;
            }
            if (event.data().isBlank()) {
                // a priming event (an id for resuming) or a keep-alive
                continue;
            }
            if (deliverPayload(codec.decode(event.data()), related, awaited)) {
                return true;
            }
        }
        return false;
    }

    /** Delivers one message, after showing a response to the observer. */
    void deliver(JsonRpcMessage message, @Nullable RequestId related) {
        try {
            if (message instanceof JsonRpcResponse response) {
                responseObserver.accept(response);
            }
            listener.onMessage(message, related);
        } catch (RuntimeException e) {
            log.warn("{}: listener failed on a message", owner, e);
        }
    }

    /** Reports a payload that is not a valid message. */
    void invalid(String description) {
        try {
            listener.onInvalidMessage(owner + ": " + description);
        } catch (RuntimeException e) {
            log.warn("{}: listener failed on an invalid message", owner, e);
        }
    }

    /** Reports a message that could not be delivered, unless the transport is already closed. */
    void sendFailed(JsonRpcMessage message, Throwable cause) {
        if (closed.get()) {
            return;
        }
        try {
            listener.onSendFailed(message, cause);
        } catch (RuntimeException e) {
            log.warn("{}: listener failed on a send failure", owner, e);
        }
    }

    /** Reports the close; only the first call has an effect. */
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

    /** Whether the close was reported. */
    boolean isClosed() {
        return closed.get();
    }
}
