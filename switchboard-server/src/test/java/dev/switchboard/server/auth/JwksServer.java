package dev.switchboard.server.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.VirtualThreadPool;

/**
 * A real HTTP server on 127.0.0.1 (a free port) publishing a JWK set at {@code /jwks.json}, which
 * a test may change, and counting the fetches. It can also hang instead of answering, until
 * closed.
 */
final class JwksServer implements AutoCloseable {
    private final Server server = new Server(new VirtualThreadPool());
    private final ServerConnector connector = new ServerConnector(server);
    private final AtomicInteger fetches = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile String body;
    private volatile boolean hang;

    JwksServer(List<JWK> keys) throws Exception {
        publish(keys);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                fetches.incrementAndGet();
                if (hang) {
                    // bounded: the test's close() releases it, and it never waits past 30 s
                    released.await(30, TimeUnit.SECONDS);
                }
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/jwk-set+json");
                Content.Sink.write(response, true, body, callback);
                return true;
            }
        });
        server.setStopTimeout(0);
        server.start();
    }

    /** Publishes the public parts of {@code keys} from now on. */
    void publish(List<JWK> keys) {
        body = new JWKSet(keys).toPublicJWKSet().toString();
    }

    /** Publishes {@code text} as it is. */
    void publishRaw(String text) {
        body = text;
    }

    /** Makes every request wait until the server is closed. */
    void hang() {
        hang = true;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/jwks.json");
    }

    int fetches() {
        return fetches.get();
    }

    @Override
    public void close() throws Exception {
        released.countDown();
        server.stop();
    }
}
