package dev.switchboard.core.catalog;

import dev.switchboard.mcp.client.McpClient;
import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import dev.switchboard.mcp.session.McpTimeoutException;
import dev.switchboard.mcp.session.RequestOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads every page of one list method, following {@code nextCursor} for at most a number of pages,
 * within an optional deadline for the whole fetch. Keeps the items that are JSON objects with a
 * non-empty string key ({@code name}, {@code uri}, {@code uriTemplate}); drops and counts the rest.
 */
final class Lister {
    /** What one list method gave: the usable items, whether pages were left unread, what was dropped. */
    record Listing(List<ObjectNode> items, boolean truncated, int dropped) {}

    private final McpClient client;
    private final long deadlineNanos;
    private final boolean bounded;

    /**
     * @param timeout how long the whole fetch (every kind, every page) may take, or {@code null} to
     *     bound each request by the session's default timeout only
     */
    Lister(McpClient client, @Nullable Duration timeout) {
        this.client = client;
        this.bounded = timeout != null;
        this.deadlineNanos = timeout == null ? 0 : System.nanoTime() + timeout.toNanos();
    }

    /**
     * Lists {@code kind}, reading at most {@code pageCap} pages.
     *
     * @throws RuntimeException what the request failed with ({@link JsonRpcException} for an error
     *     answer or a timeout, a transport exception when the connection failed)
     */
    Listing list(Kind kind, int pageCap) {
        List<ObjectNode> items = new ArrayList<>();
        int dropped = 0;
        String cursor = null;
        for (int page = 0; page < pageCap; page++) {
            JsonNode result = request(kind.method(), cursor);
            for (JsonNode item : result.path(kind.field())) {
                if (item instanceof ObjectNode object && hasKey(object, kind.key())) {
                    items.add(object);
                } else {
                    dropped++;
                }
            }
            cursor = nextCursor(result);
            if (cursor == null) {
                return new Listing(items, false, dropped);
            }
        }
        return new Listing(items, true, dropped);
    }

    private static boolean hasKey(ObjectNode item, String key) {
        JsonNode value = item.get(key);
        return value != null && value.isString() && !value.asString().isEmpty();
    }

    private static @Nullable String nextCursor(JsonNode result) {
        JsonNode next = result.get("nextCursor");
        return next == null || !next.isString() || next.asString().isEmpty() ? null : next.asString();
    }

    private JsonNode request(String method, @Nullable String cursor) {
        ObjectNode params = null;
        if (cursor != null) {
            params = client.session().codec().object();
            params.put("cursor", cursor);
        }
        RequestOptions options = RequestOptions.defaults();
        Duration remaining = null;
        if (bounded) {
            remaining = Duration.ofNanos(deadlineNanos - System.nanoTime());
            if (remaining.isNegative() || remaining.isZero()) {
                throw new JsonRpcException(
                        JsonRpcError.REQUEST_TIMEOUT, method + ": not sent, the time for listing the catalog ran out");
            }
            options = options.withTimeout(remaining);
        }
        return await(client.session().request(method, params, options), method, remaining);
    }

    /** Waits for a response; the session's own timeout bounds the wait, the bound here is a backstop. */
    private static JsonNode await(CompletableFuture<JsonNode> future, String method, @Nullable Duration remaining) {
        long backstopNanos = (remaining == null ? Duration.ofHours(1) : remaining.plusSeconds(5)).toNanos();
        try {
            return future.get(backstopNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new JsonRpcException(
                    JsonRpcError.INTERNAL_ERROR, method + ": interrupted while waiting for the answer");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new JsonRpcException(JsonRpcError.INTERNAL_ERROR, method + ": " + cause);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new McpTimeoutException(method, Duration.ofNanos(backstopNanos));
        }
    }
}
