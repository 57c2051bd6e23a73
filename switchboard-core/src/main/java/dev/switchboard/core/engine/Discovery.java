package dev.switchboard.core.engine;

import dev.switchboard.core.ServerListener;
import dev.switchboard.core.catalog.Kind;
import dev.switchboard.core.catalog.LiveCatalog;
import dev.switchboard.core.catalog.ServerCatalog;
import dev.switchboard.core.lifecycle.ConnectionObserver;
import dev.switchboard.core.lifecycle.ServerConnection;
import dev.switchboard.mcp.client.McpClient;
import dev.switchboard.mcp.jsonrpc.JsonRpcNotification;
import dev.switchboard.mcp.session.IncomingHandler;
import dev.switchboard.mcp.session.IncomingRequest;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What one endpoint's server offers, learned through the supervisor's shared connection and kept
 * in the gateway's {@link LiveCatalog}: listed when the supervisor connects (every kind, every page
 * up to the page cap), listed again for the kinds a {@code list_changed} notification names.
 *
 * <p>An endpoint's discovery writes to the catalog only while its endpoint is the server's current
 * one: from {@link #arm()} (once the endpoint is in the snapshot and any stale entry of the server
 * is gone; a listing made before is kept and applied then) until {@link #retire()} (a reload
 * replaced or removed it; nothing it lists later is applied). A failed listing keeps what the
 * catalog had.
 *
 * <p>Every notification of the shared connection also goes to the engine's {@link ServerListener}s.
 * The shared connection declares sampling and elicitation, which callers relay through {@link
 * dev.switchboard.mcp.session.RequestOptions#relatedHandler}; a request that arrives without its
 * call goes to the one caller in flight, if there is exactly one ({@link SharedCallers}).
 * Thread-safe.
 */
final class Discovery implements ConnectionObserver {
    private static final Logger log = LoggerFactory.getLogger(Discovery.class);

    private final String server;
    private final int pageCap;
    private final Executor executor;
    private final LiveCatalog catalog;
    private final ServerListener listener;
    private final SharedCallers callers;
    private final ConcurrentHashMap<McpClient, CompletableFuture<@Nullable Void>> listed = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private volatile @Nullable McpClient current;
    private boolean armed;
    private boolean retired;
    private @Nullable ServerCatalog pending;

    Discovery(
            String server,
            int pageCap,
            Executor executor,
            LiveCatalog catalog,
            ServerListener listener,
            SharedCallers callers) {
        this.server = server;
        this.pageCap = pageCap;
        this.executor = executor;
        this.catalog = catalog;
        this.listener = listener;
        this.callers = callers;
    }

    @Override
    public ObjectNode clientCapabilities() {
        ObjectNode caps = JsonNodeFactory.instance.objectNode();
        caps.putObject("sampling");
        caps.putObject("elicitation");
        return caps;
    }

    @Override
    public void onConnected(ServerConnection connection) {
        McpClient client = connection.client();
        current = client;
        listed.keySet().removeIf(c -> c != client);
        CompletableFuture<@Nullable Void> done = listed.computeIfAbsent(client, c -> new CompletableFuture<>());
        try {
            apply(ServerCatalog.fetch(server, client, pageCap));
        } catch (RuntimeException e) {
            log.warn("server {}: listing what it offers failed; keeping what was known: {}", server, e.getMessage());
        } finally {
            done.complete(null);
        }
    }

    @Override
    public void onNotification(String name, JsonRpcNotification notification) {
        listChanged(notification);
        listener.onNotification(server, notification);
    }

    @Override
    public CompletionStage<JsonNode> onRequest(String name, IncomingRequest request) {
        IncomingHandler caller = callers.sole();
        if (caller != null) {
            return caller.onRequest(request);
        }
        return CompletableFuture.failedFuture(ConnectionObserver.cannotRelay(
                server,
                request.method(),
                callers.count() == 0
                        ? "it did not arrive with a call"
                        : callers.count() + " calls are in flight and nothing says which one asked (stdio)"));
    }

    /** Lists again the kinds that {@code notification} says changed, if it is a list change; never blocks. */
    void listChanged(JsonRpcNotification notification) {
        Set<Kind> kinds = Kind.forNotification(notification.method());
        McpClient client = current;
        if (kinds.isEmpty() || client == null) {
            return;
        }
        try {
            executor.execute(() -> refresh(client, kinds));
        } catch (RejectedExecutionException e) {
            log.debug("server {}: the engine is shut down; {} is not followed", server, notification.method());
        }
    }

    private void refresh(McpClient client, Set<Kind> kinds) {
        if (client != current || !client.session().isOpen() || !isArmed()) {
            return;
        }
        catalog.refresh(server, client, kinds.toArray(Kind[]::new));
    }

    /** Starts writing to the catalog, applying a listing made before. */
    void arm() {
        lock.lock();
        try {
            armed = true;
            ServerCatalog waiting = pending;
            pending = null;
            if (waiting != null && !retired) {
                catalog.put(waiting);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Stops writing to the catalog for good; returns once no write of this discovery is under way. */
    void retire() {
        lock.lock();
        try {
            retired = true;
            pending = null;
        } finally {
            lock.unlock();
        }
    }

    private void apply(ServerCatalog listing) {
        lock.lock();
        try {
            if (retired) {
                return;
            }
            if (armed) {
                catalog.put(listing);
            } else {
                pending = listing;
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean isArmed() {
        lock.lock();
        try {
            return armed && !retired;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits at most {@code timeout} until what the connection of {@code client} offers is listed
     * (or its listing failed).
     */
    void awaitListed(McpClient client, Duration timeout) {
        CompletableFuture<@Nullable Void> done = listed.computeIfAbsent(client, c -> new CompletableFuture<>());
        try {
            done.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // the caller reports the state as it is
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
