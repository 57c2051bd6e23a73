package dev.switchboard.mcp.client.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The HTTP exchanges of one transport on the shared client: builds requests with the configured
 * headers, sends them on the calling thread with a bounded wait for the answer, and keeps every
 * exchange and open body stream so that {@link #abortAll} can end them when the transport closes.
 * Thread-safe.
 *
 * <p>{@code HttpClient.send} runs the exchange on the calling (virtual) thread until it must wait
 * for the socket, where {@code sendAsync} hands it to the client's executor and its completion to
 * the common pool: two thread hops per request fewer. A waiting call is ended by interrupting its
 * thread, which makes the client cancel the exchange; one sweep on the timer, scheduled only while
 * calls wait, times them out, where a request timeout would cost the client a timer registration
 * and a wake-up of its selector thread per request.
 */
final class HttpCalls {
    /** The longest time between two sweeps for calls past their deadline. */
    private static final long MAX_SWEEP_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** The shortest time between two sweeps. */
    private static final long MIN_SWEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final HttpClient client;
    private final HttpTransportOptions options;
    private final ScheduledExecutorService timer;
    private final long sweepNanos;
    private final Set<Registration> open = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean sweepScheduled = new AtomicBoolean();
    private volatile boolean aborted;

    /** An open exchange or body that {@link #abortAll} ends. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * @param timer runs the sweep for calls past their deadline; tasks are short
     */
    HttpCalls(HttpClient client, HttpTransportOptions options, ScheduledExecutorService timer) {
        this.client = client;
        this.options = options;
        this.timer = timer;
        long eighth = options.responseTimeout().toNanos() / 8;
        this.sweepNanos = Math.max(MIN_SWEEP_NANOS, Math.min(MAX_SWEEP_NANOS, eighth));
    }

    /** A request builder for {@code uri} with the configured headers and {@code timeout}. */
    HttpRequest.Builder request(URI uri, Duration timeout) {
        return request(uri).timeout(timeout);
    }

    /**
     * A request builder for {@code uri} with the configured headers and no timeout of its own: the
     * wait in {@link #send} is bounded by the response timeout.
     */
    HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri);
        options.headers().forEach(builder::header);
        return builder;
    }

    /**
     * Sends {@code request} and returns once the response headers arrived, with the body as a
     * stream.
     *
     * @throws IOException when the exchange fails, times out, or the transport closed
     */
    HttpResponse<InputStream> send(HttpRequest request) throws IOException, InterruptedException {
        return send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    /**
     * Sends {@code request} on this thread and returns once {@code handler}'s body is there, waiting
     * at most the request's timeout, or else the response timeout (about: calls are swept for their
     * deadline every eighth of the response timeout, at least every second).
     *
     * @throws IOException when the exchange fails, times out, or the transport closed
     */
    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        try {
            return sendOnce(request, handler);
        } catch (IOException e) {
            if (!closedBeforeAnyResponse(e) || aborted) {
                throw e;
            }
            // A pooled keep-alive connection the server had already closed: the request never got
            // a byte of answer, so it is sent once more on a fresh connection, as browsers do. The
            // JDK client retries this case by itself only for idempotent methods, and MCP is POST.
            return sendOnce(request, handler);
        }
    }

    /**
     * Whether the exchange failed because the connection closed before any byte of the response,
     * which is what reusing a connection the server closed while it sat in the pool looks like.
     */
    static boolean closedBeforeAnyResponse(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (t.getClass().getSimpleName().equals("ConnectionExpiredException")
                    || (message != null && message.contains("header parser received no bytes"))) {
                return true;
            }
        }
        return false;
    }

    private <T> HttpResponse<T> sendOnce(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        if (aborted) {
            throw new IOException("transport closed");
        }
        long wait = request.timeout().orElse(options.responseTimeout()).toNanos();
        WaitingCall call = new WaitingCall(Thread.currentThread(), System.nanoTime() + wait);
        open.add(call);
        try {
            scheduleSweep();
            if (aborted) {
                call.close();
            }
            return client.send(request, handler);
        } catch (InterruptedException e) {
            WaitingCall.Reason reason = call.reason();
            if (reason == WaitingCall.Reason.TIMED_OUT) {
                throw new HttpTimeoutException("no response headers in time");
            }
            if (reason == WaitingCall.Reason.ABORTED) {
                throw new IOException("transport closed", e);
            }
            throw e;
        } finally {
            open.remove(call);
            call.end();
        }
    }

    private void scheduleSweep() {
        if (sweepScheduled.compareAndSet(false, true)) {
            try {
                timer.schedule(this::sweep, sweepNanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                // the runtime is closing; the calls end with it
                sweepScheduled.set(false);
            }
        }
    }

    /** Times out the calls past their deadline; runs again while calls wait. */
    private void sweep() {
        sweepScheduled.set(false);
        long now = System.nanoTime();
        boolean waiting = false;
        for (Registration r : open) {
            if (r instanceof WaitingCall call) {
                waiting = true;
                call.timeOutIfDue(now);
            }
        }
        if (waiting && !aborted) {
            scheduleSweep();
        }
    }

    /** Keeps {@code body} until the returned registration is closed, which closes the body too. */
    Registration track(InputStream body) {
        Registration registration = new Registration() {
            @Override
            public void close() {
                open.remove(this);
                closeQuietly(body);
            }
        };
        open.add(registration);
        if (aborted) {
            registration.close();
        }
        return registration;
    }

    /** Cancels every exchange and closes every body stream, now and from now on. */
    void abortAll() {
        aborted = true;
        for (Registration r : open) {
            r.close();
        }
    }

    static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            // closing a response body only releases the connection
        }
    }
}
