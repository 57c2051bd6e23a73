package dev.switchboard.core.engine;

import dev.switchboard.core.lifecycle.ConnectionObserver;
import dev.switchboard.core.lifecycle.ServerConnection;
import dev.switchboard.mcp.client.McpClient;
import dev.switchboard.mcp.jsonrpc.JsonRpcNotification;
import dev.switchboard.mcp.protocol.McpMethods;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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

/**
 * What one server offers, learned through its shared connection: listed when the supervisor
 * connects (every page, up to the page cap), listed again when the server says its list changed,
 * and served from memory. A failed listing keeps what was known. Thread-safe.
 */
final class Discovery implements ConnectionObserver {
    private static final Logger log = LoggerFactory.getLogger(Discovery.class);

    private final String server;
    private final int pageCap;
    private final Executor executor;
    private final ConcurrentHashMap<McpClient, CompletableFuture<@Nullable Void>> listed = new ConcurrentHashMap<>();
    private volatile @Nullable McpClient current;
    private volatile @Nullable List<JsonNode> tools;

    Discovery(String server, int pageCap, Executor executor) {
        this.server = server;
        this.pageCap = pageCap;
        this.executor = executor;
    }

    /** The tools as the server listed them last, or {@code null} when never listed. */
    @Nullable
    List<JsonNode> tools() {
        return tools;
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
        if (!McpMethods.TOOLS_LIST_CHANGED.equals(notification.method())) {
            return;
        }
        McpClient client = current;
        if (client == null) {
            return;
        }
        try {
            executor.execute(() -> {
                if (client == current && client.session().isOpen()) {
                    list(client);
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("server {}: the engine is shut down; the changed tool list is not read", server);
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

    private void list(McpClient client) {
        try {
            List<JsonNode> listedTools = client.serverCapabilities().has("tools")
                    ? client.listAll(McpMethods.TOOLS_LIST, "tools", pageCap)
                    : List.of();
            tools = List.copyOf(listedTools);
        } catch (RuntimeException e) {
            log.warn("server {}: tools/list failed; keeping the tools known before: {}", server, e.getMessage());
        }
    }
}
