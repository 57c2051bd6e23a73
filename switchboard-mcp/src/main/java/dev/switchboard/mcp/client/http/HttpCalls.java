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
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The HTTP exchanges of one transport on the shared client: builds requests with the configured
 * headers, waits for response headers within a bound, and keeps every exchange and open body
 * stream so that {@link #abortAll} can end them when the transport closes. Thread-safe.
 */
final class HttpCalls {
    /** Extra time over a request's own timeout before waiting for it gives up. */
    private static final long SLACK_MILLIS = 1000;

    private final HttpClient client;
    private final HttpTransportOptions options;
    private final Set<Registration> open = ConcurrentHashMap.newKeySet();
    private volatile boolean aborted;

    /** An open exchange or body that {@link #abortAll} ends. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    HttpCalls(HttpClient client, HttpTransportOptions options) {
        this.client = client;
        this.options = options;
    }

    /** A request builder for {@code uri} with the configured headers and {@code timeout}. */
    HttpRequest.Builder request(URI uri, Duration timeout) {
        return request(uri).timeout(timeout);
    }

    /**
     * A request builder for {@code uri} with the configured headers and no timeout of its own: the
     * wait in {@link #send} is bounded by the response timeout. Each request timeout costs the HTTP
     * client a timer registration and a wake-up of its selector thread.
     */
    HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri);
        options.headers().forEach(builder::header);
        return builder;
    }

    /**
     * Sends {@code request} and waits for the response headers, at most the request's timeout (a
     * second more, for the client's own timer to fire first) or else the response timeout.
     *
     * @throws IOException when the exchange fails, times out, or the transport closed
     */
    HttpResponse<InputStream> send(HttpRequest request) throws IOException, InterruptedException {
        try {
            return sendOnce(request);
        } catch (IOException e) {
            if (!closedBeforeAnyResponse(e) || aborted) {
                throw e;
            }
            // A pooled keep-alive connection the server had already closed: the request never got
            // a byte of answer, so it is sent once more on a fresh connection, as browsers do. The
            // JDK client retries this case by itself only for idempotent methods, and MCP is POST.
            return sendOnce(request);
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

    private HttpResponse<InputStream> sendOnce(HttpRequest request) throws IOException, InterruptedException {
        if (aborted) {
            throw new IOException("transport closed");
        }
        CompletableFuture<HttpResponse<InputStream>> future =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        Registration cancel = () -> future.cancel(true);
        open.add(cancel);
        try {
            if (aborted) {
                future.cancel(true);
            }
            long wait = request.timeout()
                    .map(t -> t.toMillis() + SLACK_MILLIS)
                    .orElse(options.responseTimeout().toMillis());
            return future.get(wait, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException(String.valueOf(cause), cause);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new HttpTimeoutException("no response headers in time");
        } catch (CancellationException e) {
            throw new IOException("transport closed", e);
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } finally {
            open.remove(cancel);
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
