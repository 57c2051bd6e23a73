package dev.switchboard.mcp.client.http;

import dev.switchboard.mcp.jsonrpc.JsonRpcRequest;
import dev.switchboard.mcp.transport.SessionExpiredException;
import dev.switchboard.mcp.transport.TransportException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The POST of one request and the reading of its answer: a JSON body, or an event stream that
 * may carry the server's requests and notifications about it before the response and that is
 * resumed with {@code Last-Event-ID} when it breaks. A request whose session expired before the
 * server processed it is retried once on a new session. Every failure reaches the listener's
 * {@code onSendFailed}, unless the exchange was aborted (the caller cancelled, or the transport
 * closed). Runs on one virtual thread.
 */
final class PostExchange {
    private final McpEndpoint endpoint;
    private final SessionReinitializer reinitializer;
    private final JsonRpcRequest request;
    private final byte[] body;
    private final String label;
    private volatile boolean aborted;
    private volatile HttpCalls.@Nullable Registration current;
    private volatile @Nullable Thread runner;

    private enum Outcome {
        DONE,
        EXPIRED
    }

    /** Where a broken event stream can be resumed from. */
    private record Break(String lastEventId, @Nullable Duration retry, String reason) {}

    PostExchange(McpEndpoint endpoint, SessionReinitializer reinitializer, JsonRpcRequest request) {
        this.endpoint = endpoint;
        this.reinitializer = reinitializer;
        this.request = request;
        this.body = endpoint.codec().encode(request);
        this.label = request.id() + " (" + request.method() + ")";
    }

    JsonRpcRequest request() {
        return request;
    }

    /** Posts the request and reads its answer; reports failures to the listener. */
    void run() {
        try {
            RemoteSession.State sent = endpoint.session().current();
            if (attempt(sent) == Outcome.DONE) {
                return;
            }
            if (!reinitializer.recover(sent)) {
                throw expired("could not be re-initialized (" + reinitializer.lastFailure() + ")");
            }
            if (attempt(endpoint.session().current()) == Outcome.EXPIRED) {
                throw expired("expired again right after re-initialization");
            }
        } catch (TransportException e) {
            fail(e);
        } catch (IOException e) {
            fail(new TransportException(endpoint.owner() + ": request " + label + " failed: " + e, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(new TransportException(endpoint.owner() + ": request " + label + " interrupted", e));
        }
    }

    /** Marks the current thread as the one running this exchange, so that {@link #abort} can wake it. */
    void bindToCurrentThread() {
        runner = Thread.currentThread();
        if (aborted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The exchange's thread is done with it. */
    void unbind() {
        runner = null;
    }

    /**
     * Stops the exchange without reporting anything, wherever it is (waiting for a slot, for the
     * response headers, reading, or pausing before resuming): the caller no longer wants the answer.
     */
    void abort() {
        aborted = true;
        HttpCalls.Registration r = current;
        if (r != null) {
            r.close();
        }
        Thread t = runner;
        if (t != null) {
            t.interrupt();
        }
    }

    private void fail(TransportException cause) {
        if (!aborted && !endpoint.isClosed()) {
            endpoint.inbound().sendFailed(request, cause);
        }
    }

    private SessionExpiredException expired(String what) {
        // the server answered the POST itself with "unknown session": it did not process the request
        return new SessionExpiredException(
                endpoint.owner() + ": the session expired and " + what + "; request " + label + " was not retried",
                null,
                true);
    }

    private Outcome attempt(RemoteSession.State state) throws IOException, InterruptedException {
        HttpResponse<PostAnswer> response = endpoint.calls().send(endpoint.post(body, state), endpoint.postAnswers());
        return switch (response.body()) {
            case PostAnswer.Json json -> {
                if (RemoteSession.isInitialize(request)) {
                    endpoint.session().adoptSessionId(response);
                }
                deliverJson(json.bytes());
                yield Outcome.DONE;
            }
            case PostAnswer.Stream stream -> attempt(state, response, stream.body());
        };
    }

    /** Handles an answer whose body is a stream: an event stream, an error, or JSON of no known length. */
    private Outcome attempt(RemoteSession.State state, HttpResponse<?> response, InputStream stream)
            throws IOException, InterruptedException {
        Break broken;
        try (HttpCalls.Registration r = track(stream)) {
            int status = response.statusCode();
            if (McpEndpoint.isExpiry(status, state)) {
                return Outcome.EXPIRED;
            }
            if (status == 202 || status / 100 != 2) {
                throw endpoint.httpError("request " + label, status, stream);
            }
            if (RemoteSession.isInitialize(request)) {
                endpoint.session().adoptSessionId(response);
            }
            String type = Bodies.mediaType(response);
            if (type.equals(McpEndpoint.JSON)) {
                readJson(
                        stream,
                        response.headers().firstValueAsLong("Content-Length").orElse(-1));
                return Outcome.DONE;
            }
            if (!type.equals(McpEndpoint.EVENT_STREAM)) {
                throw new TransportException(endpoint.owner() + ": response to request " + label + ": Content-Type "
                        + (type.isEmpty() ? "missing" : type) + " (expected: application/json or text/event-stream)");
            }
            broken = readStream(stream);
        }
        if (broken != null && !aborted) {
            resume(broken);
        }
        return Outcome.DONE;
    }

    private HttpCalls.Registration track(InputStream stream) {
        HttpCalls.Registration r = endpoint.calls().track(stream);
        current = r;
        if (aborted) {
            r.close();
        }
        return r;
    }

    private void readJson(InputStream stream, long declaredLength) throws IOException {
        int limit = endpoint.options().maxMessageBytes();
        byte[] bytes = declaredLength > limit ? null : Bodies.readAtMost(stream, limit);
        if (bytes == null) {
            throw endpoint.tooLarge("response to request " + label, limit);
        }
        deliverJson(bytes);
    }

    private void deliverJson(byte[] bytes) {
        if (!endpoint.inbound().deliverPayload(endpoint.codec().decode(bytes), request.id(), request.id())) {
            throw new TransportException(
                    endpoint.owner() + ": the JSON answer to request " + label + " holds no response to it");
        }
    }

    /** Reads the stream to the response; returns where to resume when it broke before, else null. */
    private @Nullable Break readStream(InputStream stream) throws IOException {
        SseEventReader reader = new SseEventReader(stream, endpoint.options().maxSseEventBytes());
        String reason;
        try {
            if (endpoint.inbound().pump(reader, request.id(), request.id())) {
                return null;
            }
            reason = "the stream ended before the response";
        } catch (SseEventTooLargeException e) {
            throw endpoint.tooLarge("an event of the response stream of request " + label, e.limit());
        } catch (IOException e) {
            reason = "the stream broke: " + e;
        }
        return new Break(reader.lastEventId(), reader.retry(), reason);
    }

    private void resume(Break first) throws IOException, InterruptedException {
        if (first.lastEventId().isEmpty()) {
            throw new TransportException(endpoint.owner() + ": response stream of request " + label + ": "
                    + first.reason() + ", and the server sent no event id to resume from");
        }
        Break at = first;
        int failures = 0;
        int max = endpoint.options().maxReconnectAttempts();
        while (failures < max) {
            if (!endpoint.pause(endpoint.backoff(at.retry(), failures)) || aborted) {
                return;
            }
            Break next = resumeOnce(at);
            if (next == null) {
                return;
            }
            failures = next.lastEventId().equals(at.lastEventId()) ? failures + 1 : 0;
            at = next;
        }
        throw new TransportException(endpoint.owner() + ": response stream of request " + label + ": " + max
                + " attempts in a row to resume it with Last-Event-ID failed; last: " + at.reason());
    }

    private @Nullable Break resumeOnce(Break at) throws IOException, InterruptedException {
        RemoteSession.State state = endpoint.session().current();
        HttpResponse<InputStream> response;
        try {
            response = endpoint.calls().send(endpoint.get(state, at.lastEventId()));
        } catch (IOException e) {
            return new Break(at.lastEventId(), at.retry(), "resuming failed: " + e);
        }
        try (HttpCalls.Registration r = track(response.body())) {
            int status = response.statusCode();
            if (status == 404 && state.sessionId() != null) {
                throw new SessionExpiredException(
                        endpoint.owner() + ": the session expired while the response to" + " request " + label
                                + " was streaming; the request was not retried because it may have run",
                        null);
            }
            if (status / 100 == 4 && status != 408 && status != 429) {
                throw new TransportException(endpoint.owner() + ": response stream of request " + label + ": "
                        + at.reason() + ", and the server refused to resume it: "
                        + Bodies.statusWithSnippet(status, response.body()));
            }
            if (status != 200 || !Bodies.mediaType(response).equals(McpEndpoint.EVENT_STREAM)) {
                return new Break(
                        at.lastEventId(),
                        at.retry(),
                        "resuming answered " + Bodies.statusWithSnippet(status, response.body()));
            }
            Break next = readStream(response.body());
            if (next == null) {
                return null;
            }
            String id = next.lastEventId().isEmpty() ? at.lastEventId() : next.lastEventId();
            return new Break(id, next.retry() != null ? next.retry() : at.retry(), next.reason());
        }
    }
}
