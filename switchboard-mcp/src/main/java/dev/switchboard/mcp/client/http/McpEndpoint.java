package dev.switchboard.mcp.client.http;

import dev.switchboard.mcp.jsonrpc.JsonRpcCodec;
import dev.switchboard.mcp.transport.TransportException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One Streamable HTTP endpoint as the parts of a client transport see it: its options, HTTP calls,
 * session state and inbound path, how requests to it are built, and the transport's lifecycle
 * (closing wakes every pause). Thread-safe.
 */
final class McpEndpoint {
    static final String JSON = "application/json";
    static final String EVENT_STREAM = "text/event-stream";

    private final String owner;
    private final HttpTransportOptions options;
    private final HttpCalls calls;
    private final RemoteSession session;
    private final Inbound inbound;
    private final JsonRpcCodec codec;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final HttpResponse.BodyHandler<PostAnswer> postAnswers;

    McpEndpoint(
            String owner,
            HttpTransportOptions options,
            HttpCalls calls,
            RemoteSession session,
            Inbound inbound,
            JsonRpcCodec codec) {
        this.owner = owner;
        this.options = options;
        this.calls = calls;
        this.session = session;
        this.inbound = inbound;
        this.codec = codec;
        this.postAnswers = PostAnswer.handler(options.maxMessageBytes());
    }

    String owner() {
        return owner;
    }

    HttpTransportOptions options() {
        return options;
    }

    HttpCalls calls() {
        return calls;
    }

    RemoteSession session() {
        return session;
    }

    Inbound inbound() {
        return inbound;
    }

    JsonRpcCodec codec() {
        return codec;
    }

    /** How the answers to POSTs of requests are read: JSON whole, anything else as a stream. */
    HttpResponse.BodyHandler<PostAnswer> postAnswers() {
        return postAnswers;
    }

    /** A POST of one message with {@code state}'s headers. */
    HttpRequest post(byte[] body, RemoteSession.State state) {
        HttpRequest.Builder builder = calls.request(options.endpoint())
                .header("Accept", JSON + ", " + EVENT_STREAM)
                .header("Content-Type", JSON)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        state.applyTo(builder);
        return builder.build();
    }

    /** A GET of an event stream, resuming after {@code lastEventId} when not null. */
    HttpRequest get(RemoteSession.State state, @Nullable String lastEventId) {
        HttpRequest.Builder builder = calls.request(options.endpoint(), options.responseTimeout())
                .header("Accept", EVENT_STREAM)
                .GET();
        if (lastEventId != null && !lastEventId.isEmpty()) {
            builder.header("Last-Event-ID", lastEventId);
        }
        state.applyTo(builder);
        return builder.build();
    }

    /** A DELETE of the session. */
    HttpRequest delete(RemoteSession.State state) {
        HttpRequest.Builder builder =
                calls.request(options.endpoint(), options.closeTimeout()).DELETE();
        state.applyTo(builder);
        return builder.build();
    }

    /** Whether {@code status} says the session of {@code sent} is gone: 404, or 400 with a session. */
    static boolean isExpiry(int status, RemoteSession.State sent) {
        return sent.sessionId() != null && (status == 404 || status == 400);
    }

    /** An error for an unexpected HTTP status, quoting the start of the body (never the headers). */
    TransportException httpError(String what, int status, InputStream body) {
        return new HttpStatusException(
                owner + ": " + what + " failed: " + Bodies.statusWithSnippet(status, body), status);
    }

    /** An error for a response larger than the limit. */
    TransportException tooLarge(String what, int limit) {
        return new TransportException(
                owner + ": " + what + ": more than " + limit + " bytes (expected: at most " + limit + " bytes)");
    }

    /**
     * The delay before attempt {@code failures + 1} to reopen a stream: the server's {@code retry}
     * when it set one (the spec requires honouring it; bounded by the response timeout), otherwise
     * the configured delay doubled per failure, at most the maximum.
     */
    Duration backoff(@Nullable Duration retry, int failures) {
        if (retry != null) {
            return retry.compareTo(options.responseTimeout()) > 0 ? options.responseTimeout() : retry;
        }
        Duration delay = options.reconnectDelay().multipliedBy(1L << Math.min(failures, 20));
        return delay.compareTo(options.maxReconnectDelay()) > 0 ? options.maxReconnectDelay() : delay;
    }

    /**
     * Waits {@code delay}, or less when the transport closes.
     *
     * @return whether the transport is still open
     */
    boolean pause(Duration delay) throws InterruptedException {
        return !closing.await(delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Whether the transport is closing or closed. */
    boolean isClosed() {
        return closing.getCount() == 0;
    }

    /** Marks the transport closing and wakes every pause; then aborts every exchange. */
    void markClosed() {
        closing.countDown();
        calls.abortAll();
    }
}
