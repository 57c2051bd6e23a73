package dev.switchboard.mcp.server.http;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jetty set-up every HTTP server of the project shares: requests handled on virtual threads, a
 * few platform threads for Jetty's own I/O, and connectors tuned for many long-lived MCP
 * connections. One place, so that tuning found for one server reaches all of them.
 */
public final class JettyServers {
    private static final Logger log = LoggerFactory.getLogger(JettyServers.class);

    /** The JDK's default backlog is 50: a burst of new connections beyond it gets reset. */
    private static final int ACCEPT_QUEUE = 1024;

    private JettyServers() {}

    /** A virtual-thread-per-task executor whose threads are named {@code prefix} and a number. */
    public static ExecutorService virtualThreads(String prefix) {
        return Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name(prefix, 0).factory());
    }

    /**
     * A server whose requests run on {@code virtualThreads}, with a pool of at most 8 platform threads
     * named {@code ioName} for Jetty's acceptors and selectors. The caller shuts the executor down
     * after stopping the server.
     */
    public static Server newServer(String ioName, ExecutorService virtualThreads) {
        QueuedThreadPool pool = new QueuedThreadPool(8, 2);
        pool.setName(ioName);
        pool.setVirtualThreadsExecutor(virtualThreads);
        return new Server(pool);
    }

    /**
     * Ends the request threads of a stopped server: interrupts them and waits at most {@code timeout}
     * for them to finish, logging it as {@code owner}'s when some are still running then.
     */
    public static void shutdown(ExecutorService threads, Duration timeout, String owner) {
        threads.shutdownNow();
        try {
            if (!threads.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("{}: request threads still running after {}", owner, timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * An HTTP/1.1 connector of {@code server} on {@code host}:{@code port} (0 for any free port) with
     * the settings in {@code http}, one acceptor, one selector and a backlog of 1,024. It turns off
     * Jetty's per-connection header cache: with its 1,024 default entries it holds about 90 KB of heap
     * on every open connection, and each MCP session keeps one open for its GET stream, so 10,000
     * sessions would need 1 GB. Without it a request allocates a few more header fields.
     */
    public static ServerConnector newConnector(Server server, String host, int port, HttpConfiguration http) {
        http.setHeaderCacheSize(0);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setAcceptQueueSize(ACCEPT_QUEUE);
        return connector;
    }
}
