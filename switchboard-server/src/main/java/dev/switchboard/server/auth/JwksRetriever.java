package dev.switchboard.server.auth;

import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Fetches a JWK set over the JDK's {@link HttpClient}, bounded in time (the whole exchange, body
 * included) and in size. Messages name the URL without its query, never a response body.
 * Thread-safe.
 */
final class JwksRetriever implements ResourceRetriever {
    private final HttpClient http;
    private final Duration timeout;
    private final int maxBytes;

    JwksRetriever(HttpClient http, Duration timeout, int maxBytes) {
        this.http = http;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    @Override
    public Resource retrieveResource(URL url) throws IOException {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(url.toURI())
                    .timeout(timeout)
                    .header("Accept", "application/jwk-set+json, application/json")
                    .GET()
                    .build();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("JWKS " + shown(url) + ": not a valid URL", e);
        }
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request, info -> new LimitedBody(maxBytes));
        HttpResponse<byte[]> response;
        try {
            response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new IOException("JWKS " + shown(url) + ": no complete answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("JWKS " + shown(url) + ": interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IOException(
                    "JWKS " + shown(url) + ": " + cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
        }
        if (response.statusCode() != 200) {
            throw new IOException("JWKS " + shown(url) + ": HTTP " + response.statusCode() + " (expected: 200)");
        }
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        return new Resource(new String(response.body(), StandardCharsets.UTF_8), contentType);
    }

    private static String shown(URL url) {
        return url.getProtocol() + "://" + url.getAuthority().replaceFirst("^.*@", "***@") + url.getPath();
    }

    /** Collects a body of at most {@code maxBytes}, failing as soon as it grows past that. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int maxBytes;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private volatile Flow.@Nullable Subscription subscription;

        LimitedBody(int maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription newSubscription) {
            subscription = newSubscription;
            newSubscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + buffer.remaining() > maxBytes) {
                    Flow.Subscription s = subscription;
                    if (s != null) {
                        s.cancel();
                    }
                    result.completeExceptionally(new IOException("body larger than " + maxBytes + " bytes"));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
