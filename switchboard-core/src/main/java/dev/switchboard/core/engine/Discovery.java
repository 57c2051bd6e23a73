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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What one server offers, learned through its shared connection: its tools, resources, resource
 * templates and prompts, listed when the supervisor connects (every page, up to the page cap) into
 * the engine's {@link LiveCatalog}, listed again when the server says a list changed, and served
 * from memory. A failed listing keeps what was known. Every notification of the shared connection
 * also goes to the engine's {@link ServerListener}s. The shared connection declares sampling and
 * elicitation, which a caller relays through {@link
 * dev.switchboard.mcp.session.RequestOptions#relatedHandler}; a request that arrives without its
 * call goes to the one caller in flight, if there is one ({@link SharedCallers}). Thread-safe.
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
    private volatile @Nullable McpClient current;
    private volatile @Nullable List<JsonNode> tools;

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

    /** The tools as the server listed them last, or {@code null} when never listed. */
    @Nullable
    List<JsonNode> tools() {
        return tools;
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
            list(client);
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

    /** Lists again what {@code notification} says changed, if it is a list change; never blocks. */
    void listChanged(JsonRpcNotification notification) {
        Set<Kind> kinds = Kind.forNotification(notification.method());
        McpClient client = current;
        if (!kinds.isEmpty() && client != null) {
            try {
                executor.execute(() -> {
                    if (client == current && client.session().isOpen()) {
                        relist(client, kinds);
                    }
                });
            } catch (RejectedExecutionException e) {
                log.debug("server {}: the engine is shut down; the changed list is not read", server);
            }
        }
    }

    /**
     * Waits at most {@code timeout} until the tools of the connection of {@code client} are listed
     * (or their listing failed).
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

    /** Lists every kind; the tools first, so that they are known as early as they were alone. */
    private void list(McpClient client) {
        ServerCatalog fetched = ServerCatalog.empty(server).refresh(client, Kind.TOOLS, pageCap);
        String failure = fetched.failures().get(Kind.TOOLS);
        if (failure != null) {
            log.warn("server {}: {}; keeping the tools known before", server, failure);
            return;
        }
        tools = List.copyOf(fetched.tools());
        for (Kind kind : Kind.values()) {
            if (kind != Kind.TOOLS) {
                fetched = fetched.refresh(client, kind, pageCap);
            }
        }
        try {
            catalog.put(fetched);
        } catch (IllegalArgumentException e) {
            log.debug("server {}: no longer configured; its listing is not kept", server);
        }
    }

    private void relist(McpClient client, Set<Kind> kinds) {
        Optional<ServerCatalog> after = catalog.refresh(server, client, kinds.toArray(Kind[]::new));
        if (after.isEmpty()) {
            list(client);
        } else if (kinds.contains(Kind.TOOLS)) {
            tools = List.copyOf(after.get().tools());
        }
    }
}
