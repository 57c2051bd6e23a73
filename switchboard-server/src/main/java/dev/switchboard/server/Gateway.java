package dev.switchboard.server;

import dev.switchboard.core.ReloadResult;
import dev.switchboard.core.Switchboard;
import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.server.admin.GatewayMetrics;
import dev.switchboard.server.http.GatewayServer;
import dev.switchboard.server.ops.CallLog;
import dev.switchboard.server.ops.ConfigWatcher;
import dev.switchboard.server.ops.Reloader;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running gateway: the engine for a configuration file, the HTTP server with the probes,
 * {@code /metrics}, the admin API and the views registered by {@link ViewMount}s, and hot reload on
 * file changes. One composition root; two gateways may run in one JVM (nothing is static).
 *
 * <p>{@link #close()} takes the gateway out of rotation ({@code /readyz} answers 503), stops
 * watching the file, waits for tool calls in flight (at most the drain timeout), stops the HTTP
 * server, and closes the engine, which stops every child process. Thread-safe.
 */
public final class Gateway implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Gateway.class);

    private final Switchboard switchboard;
    private final McpRuntime runtime;
    private final GatewayMetrics metrics;
    private final CallLog callLog;
    private final Reloader reloader;
    private final GatewayServer server;
    private final @Nullable ConfigWatcher watcher;
    private final Duration drainTimeout;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicBoolean ready;
    private boolean closed;

    @SuppressWarnings("TooManyParameters") // the composition root's parts, made by GatewayBuilder only
    Gateway(
            Switchboard switchboard,
            McpRuntime runtime,
            GatewayMetrics metrics,
            CallLog callLog,
            Reloader reloader,
            GatewayServer server,
            @Nullable ConfigWatcher watcher,
            Duration drainTimeout,
            AtomicBoolean ready) {
        this.switchboard = switchboard;
        this.runtime = runtime;
        this.metrics = metrics;
        this.callLog = callLog;
        this.reloader = reloader;
        this.server = server;
        this.watcher = watcher;
        this.drainTimeout = drainTimeout;
        this.ready = ready;
    }

    /** A builder; a configuration file is required. */
    public static GatewayBuilder builder() {
        return new GatewayBuilder();
    }

    /** The engine. */
    public Switchboard switchboard() {
        return switchboard;
    }

    /** The call log, where views record their calls. */
    public CallLog callLog() {
        return callLog;
    }

    /** The base URI, such as {@code http://127.0.0.1:8808/}. */
    public URI base() {
        return server.base();
    }

    /** The URL of every route. */
    public List<String> endpoints() {
        return server.endpoints();
    }

    /** Whether the gateway takes traffic: started, not shutting down. */
    public boolean isReady() {
        return ready.get();
    }

    /** Reloads the configuration file as a file change, {@code SIGHUP} or the admin API would. */
    public ReloadResult reload(String trigger) {
        return reloader.reload(trigger);
    }

    /** Stops everything in order (see the class documentation). Idempotent; never throws. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            ready.set(false);
            log.info("Gateway stopping: draining {} call(s) in flight (at most {})", callLog.inFlight(), drainTimeout);
            ConfigWatcher w = watcher;
            if (w != null) {
                w.close();
            }
            long deadline = System.nanoTime() + drainTimeout.toNanos();
            boolean drained = callLog.awaitIdle(drainTimeout)
                    && server.awaitRequests(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (!drained) {
                log.warn(
                        "Gateway stopping: calls or requests still in flight ({} call(s)) after {}; stopping anyway",
                        callLog.inFlight(),
                        drainTimeout);
            }
            server.close();
            switchboard.close();
            runtime.close();
            metrics.close();
            log.info("Gateway stopped");
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "Gateway[" + server + ", ready=" + ready + "]";
    }
}
