package dev.switchboard.mcp.server.http;

import dev.switchboard.mcp.jsonrpc.JsonRpcCodec;
import dev.switchboard.mcp.jsonrpc.JsonRpcMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.jspecify.annotations.Nullable;

/**
 * Writes Server-Sent Events to one Jetty response, blocking the calling (virtual) thread until each
 * write completes or the write timeout passes. Used by one thread at a time: the thread that handles
 * the HTTP request and drains an {@link EventStream} into it.
 */
final class SseWriter {
    private static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII);

    /** How a {@link #drain} ended. */
    enum Outcome {
        /** The stream finished and everything was written; the response is complete. */
        COMPLETED,
        /** The session closed; the response is complete. */
        CLOSED,
        /** Another request took over the stream; the response is complete. */
        REPLACED,
        /** A write failed: the client went away. The response is broken. */
        DISCONNECTED
    }

    private final Response response;
    private final JsonRpcCodec codec;
    private final long writeTimeoutMillis;
    private final boolean eventIds;
    private @Nullable Throwable failure;

    SseWriter(Response response, JsonRpcCodec codec, Duration writeTimeout, boolean eventIds) {
        this.response = response;
        this.codec = codec;
        this.writeTimeoutMillis = writeTimeout.toMillis();
        this.eventIds = eventIds;
    }

    /** Sends status 200 and the SSE headers now, so that the client sees the stream open. */
    void open() throws IOException, TimeoutException {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        response.getHeaders().put("X-Accel-Buffering", "no");
        write(false, ByteBuffer.allocate(0));
    }

    /**
     * An event with an id and empty data, so that a client can reconnect with that id. It carries no
     * {@code retry} field: the MCP Java SDK client (2.0.1) fails the whole response on any SSE field
     * other than {@code id}, {@code event} and {@code data}, and the specification asks for {@code
     * retry} only before a server closes a stream early, which this server does not do.
     */
    void priming(String id) throws IOException, TimeoutException {
        String frame = "id: " + id + "\ndata: \n\n";
        write(false, ByteBuffer.wrap(frame.getBytes(StandardCharsets.UTF_8)));
    }

    /** A {@code message} event carrying one JSON-RPC message. */
    void message(@Nullable String id, JsonRpcMessage message) throws IOException, TimeoutException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        StringBuilder head = new StringBuilder(32);
        if (id != null && eventIds) {
            head.append("id: ").append(id).append('\n');
        }
        head.append("event: message\ndata: ");
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        // Compact JSON never contains a raw line break, so the message is one data line.
        codec.writeTo(message, out);
        out.write('\n');
        out.write('\n');
        write(false, ByteBuffer.wrap(out.toByteArray()));
    }

    /** An event with a name and a one-line payload, such as the legacy {@code endpoint} event. */
    void event(String name, String data) throws IOException, TimeoutException {
        String frame = "event: " + name + "\ndata: " + data + "\n\n";
        write(false, ByteBuffer.wrap(frame.getBytes(StandardCharsets.UTF_8)));
    }

    /** A comment line that keeps the connection busy. */
    void keepAlive() throws IOException, TimeoutException {
        write(false, ByteBuffer.wrap(KEEP_ALIVE));
    }

    /** Ends the response. */
    void end() throws IOException, TimeoutException {
        write(true, ByteBuffer.allocate(0));
    }

    /** Why the last write failed, or {@code null}. */
    @Nullable
    Throwable failure() {
        return failure;
    }

    /**
     * Writes the events of {@code stream} as they come, with a keep-alive comment whenever nothing came
     * for {@code keepAlive}, until the stream ends, another writer takes over, or the client goes away
     * (then the event being written is put back for the next writer).
     *
     * @param gen the generation {@link EventStream#attach} returned to this writer
     */
    Outcome drain(EventStream stream, long gen, Duration keepAlive) {
        long keepAliveNanos = keepAlive.toNanos();
        while (true) {
            EventStream.Event e;
            try {
                e = stream.take(gen, keepAliveNanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                stream.detach(gen);
                failure = ie;
                return Outcome.DISCONNECTED;
            }
            try {
                if (e == null) {
                    keepAlive();
                } else if (e.isEnd() || e.isReplaced()) {
                    end();
                    return e.isReplaced() ? Outcome.REPLACED : stream.isClosed() ? Outcome.CLOSED : Outcome.COMPLETED;
                } else {
                    message(stream.eventId(e), Objects.requireNonNull(e.message()));
                }
            } catch (IOException | TimeoutException ex) {
                failure = ex;
                if (e != null && e.message() != null) {
                    stream.putBack(gen, e);
                }
                stream.detach(gen);
                return Outcome.DISCONNECTED;
            }
        }
    }

    private void write(boolean last, ByteBuffer buffer) throws IOException, TimeoutException {
        try (Blocker.Callback callback = Blocker.callback()) {
            response.write(last, buffer, callback);
            callback.block(writeTimeoutMillis, TimeUnit.MILLISECONDS);
        }
    }
}
