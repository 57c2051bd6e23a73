package dev.switchboard.mcp.server.http;

import dev.switchboard.mcp.jsonrpc.JsonRpcCodec;
import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcMessage;
import dev.switchboard.mcp.jsonrpc.JsonRpcResponse;
import dev.switchboard.mcp.jsonrpc.RequestId;
import dev.switchboard.mcp.protocol.ProtocolVersion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer to one POST that carried requests. It collects the responses to those requests and the
 * messages related to them, and decides lazily how to answer: plain JSON when the responses come
 * first, an SSE stream as soon as a related message comes first (or the answer takes longer than the
 * keep-alive interval). Messages are offered from any thread; {@link #serve} runs on the POST's own
 * handler thread until every response is written.
 */
final class PostExchange {
    private static final Logger log = LoggerFactory.getLogger(PostExchange.class);

    private final StreamableSession session;
    private final EventStream stream;
    private final int expected;
    private final boolean batch;
    private final @Nullable RequestId singleId;
    private final boolean relatedAllowed;
    private final boolean streamAtOnce;
    private final HttpServerTransportOptions options;
    private final HttpReplies replies;
    private final JsonRpcCodec codec;
    private final AtomicInteger answered = new AtomicInteger();
    private final long gen;

    /**
     * @param expected how many responses the answer holds (requests plus invalid elements answered)
     * @param singleId the request id when the POST carried one request, for an error answer
     */
    PostExchange(
            StreamableSession session,
            int expected,
            boolean batch,
            @Nullable RequestId singleId,
            AcceptHeader accept,
            StreamableContext context) {
        this.session = session;
        this.options = context.options();
        this.replies = context.replies();
        this.codec = context.codec();
        ResponseMode mode = options.responseMode();
        this.stream = session.newPostStream();
        this.expected = expected;
        this.batch = batch;
        this.singleId = singleId;
        this.relatedAllowed = accept.eventStream() && mode != ResponseMode.JSON;
        this.streamAtOnce = accept.eventStream() && (!accept.json() || mode == ResponseMode.SSE);
        // Attached from the start, so that closeConnection works even before serve runs.
        this.gen = stream.attach(null);
    }

    /**
     * Queues a message related to one of the POST's requests.
     *
     * @return false when it cannot travel on this POST (JSON only, or already answered)
     */
    boolean offerRelated(JsonRpcMessage message) {
        return relatedAllowed && stream.offer(message);
    }

    /** Queues the response to one of the POST's requests. */
    void offerResponse(JsonRpcResponse response) {
        if (!stream.offer(response)) {
            log.debug("{}: response {} came after its POST ended; dropped", session.describe(), response.id());
        }
        if (answered.incrementAndGet() >= expected) {
            stream.finish();
        }
    }

    /**
     * Ends the HTTP response that carries this answer, which becomes (or stays) an SSE stream, before the
     * answer is complete; the client gets the rest by resuming with {@code Last-Event-ID}.
     *
     * @return false when the answer cannot stream (the client or the mode wants JSON)
     */
    boolean closeConnection() {
        if (!relatedAllowed) {
            return false;
        }
        stream.release();
        return true;
    }

    /** The session closed: the answer ends now. */
    void abort() {
        stream.close();
    }

    /** Writes the answer, blocking until every response is written or the client goes away. */
    void serve(Response response, Callback callback) {
        SseWriter sse = new SseWriter(response, codec, options.writeTimeout(), true);
        List<EventStream.Event> held = new ArrayList<>(batch ? expected : 1);
        try {
            if (streamAtOnce) {
                startStream(sse, stream.cursor(), held);
            } else if (!answerOrSwitch(sse, held, response, callback)) {
                return;
            }
        } catch (IOException | TimeoutException e) {
            disconnected(callback, e);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            disconnected(callback, e);
            return;
        }
        finishStream(sse, callback);
    }

    /**
     * Waits for the first thing to send. Answers with JSON and returns false when all responses come
     * before anything else; otherwise opens the stream, writes what was held, and returns true.
     */
    private boolean answerOrSwitch(SseWriter sse, List<EventStream.Event> held, Response response, Callback callback)
            throws IOException, TimeoutException, InterruptedException {
        long keepAliveNanos = options.keepAliveInterval().toNanos();
        while (true) {
            EventStream.Event e = stream.take(gen, keepAliveNanos, TimeUnit.NANOSECONDS);
            if (e == null) {
                if (relatedAllowed) {
                    // A slow answer: stream it, so that keep-alives hold the connection open.
                    startStream(sse, firstCursor(held), held);
                    sse.keepAlive();
                    return true;
                }
            } else if (e.isReplaced()) {
                // closeConnection: open the stream so the client gets an event id to resume from, then end.
                startStream(sse, firstCursor(held), held);
                sse.end();
                callback.succeeded();
                return false;
            } else if (e.isEnd()) {
                answerJson(held, response, callback);
                return false;
            } else if (e.message() instanceof JsonRpcResponse) {
                held.add(e);
            } else {
                startStream(sse, held.isEmpty() ? stream.eventId(e.seq() - 1) : firstCursor(held), held);
                sse.message(stream.eventId(e), Objects.requireNonNull(e.message()));
                return true;
            }
        }
    }

    private String firstCursor(List<EventStream.Event> held) {
        return held.isEmpty() ? stream.cursor() : stream.eventId(held.get(0).seq() - 1);
    }

    private void startStream(SseWriter sse, String primingId, List<EventStream.Event> held)
            throws IOException, TimeoutException {
        session.track(stream);
        sse.open();
        if (session.protocolVersion().compareTo(ProtocolVersion.V2025_11_25) >= 0) {
            sse.priming(primingId);
        }
        for (EventStream.Event h : held) {
            sse.message(stream.eventId(h), Objects.requireNonNull(h.message()));
        }
    }

    private void answerJson(List<EventStream.Event> held, Response response, Callback callback) {
        if (stream.isClosed() && held.size() < expected) {
            replies.error(
                    response,
                    callback,
                    404,
                    singleId,
                    JsonRpcError.of(HttpReplies.TRANSPORT_ERROR, "Session closed before the request was answered"));
            return;
        }
        List<JsonRpcMessage> responses = new ArrayList<>(held.size());
        for (EventStream.Event h : held) {
            responses.add(Objects.requireNonNull(h.message()));
        }
        byte[] body = batch ? codec.encodeBatch(responses) : codec.encode(responses.get(0));
        replies.json(response, callback, 200, body);
    }

    private void finishStream(SseWriter sse, Callback callback) {
        SseWriter.Outcome outcome = sse.drain(stream, gen, options.keepAliveInterval());
        switch (outcome) {
            case COMPLETED -> {
                session.untrack(stream);
                callback.succeeded();
            }
            case CLOSED, REPLACED -> callback.succeeded();
            case DISCONNECTED -> disconnected(callback, Objects.requireNonNull(sse.failure()));
        }
    }

    private void disconnected(Callback callback, Throwable cause) {
        stream.detach(gen);
        if (stream.isComplete()) {
            session.untrack(stream);
        }
        log.debug(
                "{}: client left before the answer to its POST was written ({}); undelivered messages stay on"
                        + " stream {} for resumption",
                session.describe(),
                cause.toString(),
                stream.number());
        callback.failed(cause);
    }
}
