package dev.switchboard.mcp.client.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optional GET stream on which a Streamable HTTP server sends requests and notifications of
 * its own. Reopened with {@code Last-Event-ID} and backoff when it drops, until too many attempts
 * in a row make no progress; stopped for good by a 405 (the server has no such stream), for the
 * current session by a 404 or 400 (started again after a re-initialization), and by the close.
 * Thread-safe.
 */
final class ServerEventStream {
    private static final Logger log = LoggerFactory.getLogger(ServerEventStream.class);

    /** How long {@link #startAndAwaitAnswer} waits for the server to answer the first GET. */
    static final Duration FIRST_ANSWER_WAIT = Duration.ofSeconds(2);

    private final McpEndpoint endpoint;
    private final Executor executor;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean unsupported;

    /** The position in the stream and the attempts that made no progress. */
    private static final class Cursor {
        String lastEventId = "";

        @Nullable
        Duration retry;

        int failures;
        String reason = "";
        RemoteSession.@Nullable State expired;
    }

    ServerEventStream(McpEndpoint endpoint, Executor executor) {
        this.endpoint = endpoint;
        this.executor = executor;
    }

    /** Opens the stream unless it is open, unsupported, or disabled. */
    void start() {
        start(new CountDownLatch(1));
    }

    /**
     * Opens the stream like {@link #start}, then waits until the server answered the first GET (or
     * it failed), at most {@link #FIRST_ANSWER_WAIT}. Called right after initialization, before the
     * next message is posted, so that the server sees the GET before any later request: a request
     * posted at the same moment could otherwise race it, and a server that treats a GET arriving
     * while a request is in flight as the resumption of that request's stream would answer it there.
     */
    void startAndAwaitAnswer() throws InterruptedException {
        CountDownLatch answered = new CountDownLatch(1);
        start(answered);
        if (!answered.await(FIRST_ANSWER_WAIT.toNanos(), TimeUnit.NANOSECONDS)) {
            log.debug("{}: no answer to the GET within {}; posting on", endpoint.owner(), FIRST_ANSWER_WAIT);
        }
    }

    /** Opens the stream; {@code answered} is released once the first GET got an answer or failed. */
    private void start(CountDownLatch answered) {
        if (unsupported || !endpoint.options().openServerStream() || !running.compareAndSet(false, true)) {
            answered.countDown();
            return;
        }
        try {
            executor.execute(() -> run(answered));
        } catch (RejectedExecutionException e) {
            running.set(false);
            answered.countDown();
        }
    }

    private void run(CountDownLatch answered) {
        Cursor cursor = new Cursor();
        try {
            int max = endpoint.options().maxReconnectAttempts();
            while (!endpoint.isClosed() && cursor.failures < max) {
                boolean again = connectOnce(cursor, answered);
                if (!again || !endpoint.pause(endpoint.backoff(cursor.retry, cursor.failures))) {
                    return;
                }
            }
            if (!endpoint.isClosed()) {
                log.warn(
                        "{}: gave up the GET stream after {} attempts in a row without progress;"
                                + " server-initiated messages cannot arrive until the next session; last: {}",
                        endpoint.owner(),
                        max,
                        cursor.reason);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            answered.countDown();
            running.set(false);
        }
        RemoteSession.State expired = cursor.expired;
        if (expired != null && endpoint.session().movedOn(expired) && !endpoint.isClosed()) {
            // a new session came while this stream was stopping for the old one
            start();
        }
    }

    /** One connection; returns whether to try again. Releases {@code answered} once the server answered. */
    private boolean connectOnce(Cursor cursor, CountDownLatch answered) throws InterruptedException {
        RemoteSession.State state = endpoint.session().current();
        HttpResponse<InputStream> response;
        try {
            response = endpoint.calls().send(endpoint.get(state, cursor.lastEventId));
        } catch (IOException e) {
            cursor.failures++;
            cursor.reason = e.toString();
            return !endpoint.isClosed();
        } finally {
            answered.countDown();
        }
        try (HttpCalls.Registration r = endpoint.calls().track(response.body())) {
            int status = response.statusCode();
            if (status == 405) {
                unsupported = true;
                log.debug("{}: the server offers no GET stream (405)", endpoint.owner());
                return false;
            }
            if (McpEndpoint.isExpiry(status, state)) {
                if (endpoint.session().movedOn(state)) {
                    cursor.lastEventId = "";
                    return true;
                }
                log.debug("{}: GET stream answered {}; waiting for a new session", endpoint.owner(), status);
                cursor.expired = state;
                return false;
            }
            if (status != 200 || !Bodies.mediaType(response).equals(McpEndpoint.EVENT_STREAM)) {
                cursor.failures++;
                cursor.reason = Bodies.statusWithSnippet(status, response.body());
                return true;
            }
            read(response.body(), cursor);
            return true;
        }
    }

    private void read(InputStream body, Cursor cursor) {
        SseEventReader reader = new SseEventReader(body, endpoint.options().maxSseEventBytes());
        try {
            endpoint.inbound().pump(reader, null, null);
            cursor.reason = "the stream ended";
        } catch (SseEventTooLargeException e) {
            cursor.reason = e.getMessage() == null ? "event too large" : e.getMessage();
            endpoint.inbound().invalid("GET stream: " + cursor.reason);
        } catch (IOException e) {
            cursor.reason = "the stream broke: " + e;
        }
        boolean progress =
                reader.dispatchedEvents() > 0 || !reader.lastEventId().isEmpty();
        if (!reader.lastEventId().isEmpty()) {
            cursor.lastEventId = reader.lastEventId();
        }
        if (reader.retry() != null) {
            cursor.retry = reader.retry();
        }
        cursor.failures = progress ? 0 : cursor.failures + 1;
    }
}
