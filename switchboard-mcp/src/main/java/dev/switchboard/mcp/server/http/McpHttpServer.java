package dev.switchboard.mcp.server.http;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.server.ServerSessionFactory;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Jetty server that serves one {@link ServerSessionFactory} over HTTP: Streamable HTTP at {@code
 * /mcp} and the legacy HTTP+SSE transport at {@code /sse} and {@code /message} (paths configurable).
 * Requests run on virtual threads. Start once, close once; thread-safe.
 *
 * <pre>{@code
 * try (McpHttpServer server = new McpHttpServer(factory, runtime, McpHttpServerOptions.defaults())) {
 *     URI base = server.start();       // http://127.0.0.1:PORT/
 *     URI mcp = server.mcpEndpoint();  // http://127.0.0.1:PORT/mcp
 *     ...
 * }
 * }</pre>
 */
public final class McpHttpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(McpHttpServer.class);

    private final McpHttpServerOptions options;
    private final StreamableHttpHandler streamable;
    private final LegacySseHandler legacy;
    private final ReentrantLock lock = new ReentrantLock();
    private @Nullable Server server;
    private @Nullable ExecutorService virtualThreads;
    private @Nullable URI base;
    private boolean closed;

    /**
     * A server, not yet started.
     *
     * @param factory makes the handler of each client session
     * @param runtime the threads, timer and codec of the sessions; not closed by this server
     * @param options address, paths and transport settings
     */
    public McpHttpServer(ServerSessionFactory factory, McpRuntime runtime, McpHttpServerOptions options) {
        this.options = options;
        this.streamable = new StreamableHttpHandler(factory, runtime, options.transport());
        this.legacy = new LegacySseHandler(factory, runtime, options.transport(), options.messagePath());
    }

    /**
     * Binds and starts serving.
     *
     * @return the base URI, such as {@code http://127.0.0.1:43127/}
     * @throws IllegalStateException when already started or closed, or when the server cannot start
     *     (the port is taken, for example)
     */
    public URI start() {
        lock.lock();
        try {
            if (server != null || closed) {
                throw new IllegalStateException("McpHttpServer: already " + (closed ? "closed" : "started"));
            }
            ExecutorService threads = JettyServers.virtualThreads("mcp-http-");
            Server s = JettyServers.newServer("mcp-http-io", threads);
            ServerConnector connector =
                    JettyServers.newConnector(s, options.host(), options.port(), new HttpConfiguration());
            s.addConnector(connector);
            PathRouter paths = new PathRouter();
            paths.route(options.mcpPath(), streamable);
            paths.route(options.ssePath(), legacy);
            paths.route(options.messagePath(), legacy);
            s.setHandler(paths);
            // Sessions are closed before the server stops (see close), which ends every stream; a graceful
            // stop would only wait for idle keep-alive connections.
            s.setStopTimeout(0);
            this.server = s;
            this.virtualThreads = threads;
            startServer(s, connector);
            return base();
        } finally {
            lock.unlock();
        }
    }

    private void startServer(Server s, ServerConnector connector) {
        try {
            s.start();
        } catch (Exception e) {
            close();
            throw new IllegalStateException(
                    "McpHttpServer: cannot listen on " + options.host() + ":" + options.port() + ": " + e.getMessage(),
                    e);
        }
        String host = options.host().contains(":") && !options.host().startsWith("[")
                ? "[" + options.host() + "]"
                : options.host();
        base = URI.create("http://" + host + ":" + connector.getLocalPort() + "/");
        log.info(
                "MCP server listening on {} (Streamable HTTP at {}, HTTP+SSE at {})",
                base,
                options.mcpPath(),
                options.ssePath());
    }

    /** The base URI. @throws IllegalStateException before {@link #start} */
    public URI base() {
        URI b = base;
        if (b == null) {
            throw new IllegalStateException("McpHttpServer: not started");
        }
        return b;
    }

    /** The Streamable HTTP endpoint. @throws IllegalStateException before {@link #start} */
    public URI mcpEndpoint() {
        return base().resolve(options.mcpPath().substring(1));
    }

    /** The HTTP+SSE stream endpoint. @throws IllegalStateException before {@link #start} */
    public URI sseEndpoint() {
        return base().resolve(options.ssePath().substring(1));
    }

    /** The Streamable HTTP handler, for its session count. */
    public StreamableHttpHandler streamableHandler() {
        return streamable;
    }

    /** The HTTP+SSE handler, for its session count. */
    public LegacySseHandler legacyHandler() {
        return legacy;
    }

    /**
     * Closes every session (which ends their streams and answers requests still waiting), stops the
     * server, and waits at most the stop timeout for request threads to end. Idempotent; never throws.
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
                stopQuietly(s);
            }
            ExecutorService threads = virtualThreads;
            if (threads != null) {
                JettyServers.shutdown(threads, options.stopTimeout(), "McpHttpServer");
            }
        } finally {
            lock.unlock();
        }
    }

    private void stopQuietly(Server s) {
        try {
            // Ending the sessions first ends their streams and answers requests still waiting.
            streamable.stop();
            legacy.stop();
            s.stop();
        } catch (Exception e) {
            log.warn("McpHttpServer: stopping {} failed", base, e);
        }
    }

    @Override
    public String toString() {
        return "McpHttpServer[" + (base != null ? base : options.host() + ":" + options.port()) + "]";
    }
}
