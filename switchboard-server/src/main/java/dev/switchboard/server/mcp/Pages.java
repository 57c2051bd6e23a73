package dev.switchboard.server.mcp;

import dev.switchboard.mcp.jsonrpc.JsonRpcCodec;
import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One session's paginated listings: a listing longer than a page is kept as a snapshot (one per
 * kind, the latest), and its cursors point into that snapshot, so that a client paging through a
 * big catalog sees one consistent list even when the catalog changes meanwhile. A cursor of an
 * older listing, or of another session, is refused. Thread-safe.
 */
final class Pages {
    private final JsonRpcCodec codec;
    private final int pageSize;
    private final AtomicLong tokens = new AtomicLong();
    private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();

    private record Snapshot(
            long token, List<ObjectNode> items, @Nullable ObjectNode meta) {}

    /**
     * A whole listing.
     *
     * @param items the items, in order
     * @param meta the result's {@code _meta}, or {@code null}
     */
    record Listing(List<ObjectNode> items, @Nullable ObjectNode meta) {}

    Pages(JsonRpcCodec codec, int pageSize) {
        this.codec = codec;
        this.pageSize = pageSize;
    }

    /**
     * One page of a listing, as the result of {@code method}.
     *
     * @param field the result's field holding the items, such as {@code tools}
     * @param cursor the client's cursor, or {@code null} for the first page
     * @param listing makes a new listing (called for a first page only)
     * @throws JsonRpcException invalid params for a cursor this session did not give for {@code field}
     */
    ObjectNode page(String field, @Nullable String cursor, Supplier<Listing> listing) {
        if (cursor == null) {
            Listing whole = listing.get();
            List<ObjectNode> items = whole.items();
            ObjectNode m = whole.meta();
            if (items.size() <= pageSize) {
                snapshots.remove(field);
                return result(field, items, m, null);
            }
            Snapshot snapshot = new Snapshot(tokens.incrementAndGet(), List.copyOf(items), m);
            snapshots.put(field, snapshot);
            return slice(field, snapshot, 0);
        }
        Snapshot snapshot = snapshots.get(field);
        long[] position = decode(cursor, field);
        if (snapshot == null
                || position == null
                || position[0] != snapshot.token()
                || position[1] > snapshot.items().size()) {
            throw new JsonRpcException(
                    JsonRpcError.INVALID_PARAMS,
                    "cursor: \"" + cursor + "\" (expected: the nextCursor of this session's last " + field
                            + " listing)");
        }
        return slice(field, snapshot, (int) position[1]);
    }

    private ObjectNode slice(String field, Snapshot snapshot, int from) {
        int to = Math.min(snapshot.items().size(), from + pageSize);
        String next = to < snapshot.items().size() ? encode(field, snapshot.token(), to) : null;
        return result(field, snapshot.items().subList(from, to), snapshot.meta(), next);
    }

    private ObjectNode result(String field, List<ObjectNode> items, @Nullable ObjectNode meta, @Nullable String next) {
        ObjectNode result = codec.object();
        ArrayNode array = result.putArray(field);
        items.forEach(array::add);
        if (next != null) {
            result.put("nextCursor", next);
        }
        if (meta != null) {
            result.set("_meta", meta);
        }
        return result;
    }

    private static String encode(String field, long token, int offset) {
        String plain = field + ":" + token + ":" + offset;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The token and offset of {@code cursor} when it is a cursor of {@code field}, else null. */
    private static long @Nullable [] decode(String cursor, String field) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = plain.split(":", -1);
            if (parts.length != 3 || !parts[0].equals(field)) {
                return null;
            }
            long token = Long.parseLong(parts[1]);
            long offset = Long.parseLong(parts[2]);
            return offset < 0 ? null : new long[] {token, offset};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The cursor param of a listing request, or {@code null}. */
    static @Nullable String cursor(ObjectNode params) {
        JsonNode cursor = params.get("cursor");
        if (cursor == null || cursor.isNull()) {
            return null;
        }
        if (!cursor.isString()) {
            throw new JsonRpcException(JsonRpcError.INVALID_PARAMS, "cursor: " + cursor + " (expected: a string)");
        }
        return cursor.asString();
    }
}
