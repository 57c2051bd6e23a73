package dev.switchboard.server.http;

import dev.switchboard.core.config.ListenAddress;
import dev.switchboard.mcp.jsonrpc.JsonRpcCodec;
import dev.switchboard.mcp.server.http.JettyServers;
import dev.switchboard.server.auth.Authenticator;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's HTTP server: Jetty core handlers on virtual threads, no servlets. Serves the routes
 * of a {@link RouteTable} (the MCP views, the admin API, the probes, {@code /metrics}), each behind
 * the checks its {@link Access} asks for: body size (413), {@code Host}/{@code Origin} on MCP routes
 * (403), authentication on every route but the public ones (401 with {@code WWW-Authenticate}), the
 * admin role on admin routes (403). Handlers find the caller with {@link GatewayRequests#principal}.
 *
 * <p>Refuses to start on an address other than loopback when auth is off. Start once, close once;
 * thread-safe.
 */
public final class GatewayServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GatewayServer.class);

    private final GatewayServerOptions options;
    private final RouteTable routes;
    private final AuthStep auth;
    private final JsonReplies replies;
    private final InFlightRequests inFlight = new InFlightRequests();
    private final ReentrantLock lock = new ReentrantLock();
    private @Nullable Server server;
    private @Nullable ExecutorService virtualThreads;
    private @Nullable URI base;
    private boolean closed;

    /**
     * A server, not yet started.
     *
     * @param options address, limits and checks
     * @param routes what to serve; frozen when the server starts
     * @param authenticator who the callers are; when it is off, everyone is {@code anonymous}, admin
     *     routes are open, and only loopback addresses may be bound
     * @param codec encodes error bodies
     */
    public GatewayServer(
            GatewayServerOptions options, RouteTable routes, Authenticator authenticator, JsonRpcCodec codec) {
        this.options = Objects.requireNonNull(options, "options");
        this.routes = Objects.requireNonNull(routes, "routes");
        this.auth = new AuthStep(authenticator);
        this.replies = new JsonReplies(codec);
    }

    /**
     * Binds and starts serving.
     *
     * @return the base URI, such as {@code http://127.0.0.1:8808/}
     * @throws IllegalStateException when the address is refused (not loopback while auth is off, see
     *     {@link dev.switchboard.server.auth.BindCheck}), the port is taken, or the server was started
     *     or closed already
     */
    public URI start() {
        lock.lock();
        try {
            if (server != null || closed) {
                throw new IllegalStateException("GatewayServer: already " + (closed ? "closed" : "started"));
            }
            AuthStep.refusal(options.listen(), auth.current()).ifPresent(problem -> {
                throw new IllegalStateException(problem);
            });
            routes.freeze();
            ExecutorService threads = JettyServers.virtualThreads("gateway-http-");
            Server s = JettyServers.newServer("gateway-io", threads);
            s.addConnector(connector(s));
            s.setHandler(new GatewayRouter(routes, options, auth, replies, inFlight));
            // Calls in flight are drained before the server stops (see the gateway's close); a graceful
            // Jetty stop would only wait for idle keep-alive connections and open SSE streams.
            s.setStopTimeout(0);
            this.server = s;
            this.virtualThreads = threads;
            startServer(s);
            return base();
        } finally {
            lock.unlock();
        }
    }

    private ServerConnector connector(Server s) {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = JettyServers.newConnector(
                s, options.listen().host(), options.listen().port(), http);
        connector.setIdleTimeout(options.idleTimeout().toMillis());
        return connector;
    }

    private void startServer(Server s) {
        try {
            s.start();
        } catch (Exception e) {
            close();
            throw new IllegalStateException(
                    "gateway.listen: " + options.listen() + " (expected: an address and port this process can bind: "
                            + e.getMessage() + ")",
                    e);
        }
        ServerConnector connector = (ServerConnector) s.getConnectors()[0];
        ListenAddress bound = new ListenAddress(options.listen().host(), connector.getLocalPort());
        base = URI.create("http://" + bound + "/");
    }

    /** The base URI. @throws IllegalStateException before {@link #start} */
    public URI base() {
        URI b = base;
        if (b == null) {
            throw new IllegalStateException("GatewayServer: not started");
        }
        return b;
    }

    /** The port bound. @throws IllegalStateException before {@link #start} */
    public int port() {
        return base().getPort();
    }

    /** The URL of every route, such as {@code http://127.0.0.1:8808/mcp} or {@code .../mcp/servers/*}. */
    public List<String> endpoints() {
        List<String> urls = new ArrayList<>();
        String b = base().toString();
        for (RouteTable.Route r : routes.routes()) {
            urls.add(b.substring(0, b.length() - 1) + r.pattern());
        }
        return List.copyOf(urls);
    }

    /**
     * Swaps the authenticator, for a reload that changed {@code gateway.auth}; requests already past
     * authentication are not affected.
     *
     * @throws IllegalStateException when the swap would turn auth off on an address other than loopback
     *     (nothing changes then)
     */
    public void authenticator(Authenticator authenticator) {
        AuthStep.refusal(options.listen(), authenticator).ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
        auth.swap(authenticator);
    }

    /**
     * Waits until every request in progress has its response written, at most {@code timeout}: for
     * shutdown, after the tool calls drained, so that their answers reach the clients. Streams that
     * last as long as a session (GET on MCP routes) are not waited for.
     *
     * @return whether none is in progress; false after the timeout or when interrupted
     */
    public boolean awaitRequests(Duration timeout) {
        return inFlight.awaitIdle(timeout);
    }

    /** The options. */
    public GatewayServerOptions options() {
        return options;
    }

    /**
     * Stops the server: stops accepting, stops every route's handler (MCP handlers close their
     * sessions), and waits at most the stop timeout for requests still running. Idempotent; never
     * throws.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            Server s = server;
            if (s != null) {
                try {
                    s.stop();
                } catch (Exception e) {
                    log.warn("GatewayServer: stopping {} failed", base, e);
                }
            }
            ExecutorService threads = virtualThreads;
            if (threads != null) {
                JettyServers.shutdown(threads, options.stopTimeout(), "GatewayServer");
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "GatewayServer[" + (base != null ? base : options.listen()) + (closed ? ", closed" : "") + "]";
    }
}
