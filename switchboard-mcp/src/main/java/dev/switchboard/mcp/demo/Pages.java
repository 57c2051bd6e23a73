package dev.switchboard.mcp.demo;

import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Splits a list result into pages with opaque cursors. Stateless. */
final class Pages {
    private static final String PREFIX = "offset:";

    private Pages() {}

    /**
     * One page of {@code items}, as a result object with {@code field} and, when more follow,
     * {@code nextCursor}.
     *
     * @param params the request's params, with the optional {@code cursor}
     * @param pageSize the most items of a page; 0 for all
     * @throws JsonRpcException (invalid params) when the cursor is not one this server made
     */
    static ObjectNode page(List<? extends JsonNode> items, String field, ObjectNode params, int pageSize) {
        int from = offset(params.get("cursor"), items.size());
        int to = pageSize == 0 ? items.size() : Math.min(items.size(), from + pageSize);
        ObjectNode result = Json.object();
        ArrayNode array = result.putArray(field);
        for (int i = from; i < to; i++) {
            array.add(items.get(i));
        }
        if (to < items.size()) {
            result.put("nextCursor", encode(to));
        }
        return result;
    }

    private static int offset(@Nullable JsonNode cursor, int size) {
        if (cursor == null || cursor.isNull()) {
            return 0;
        }
        String text = cursor.isString() ? cursor.asString() : "";
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            if (decoded.startsWith(PREFIX)) {
                int offset = Integer.parseInt(decoded.substring(PREFIX.length()));
                if (offset >= 0) {
                    return Math.min(offset, size);
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below; NumberFormatException is an IllegalArgumentException
        }
        throw new JsonRpcException(
                JsonRpcError.INVALID_PARAMS, "cursor: " + cursor + " (expected: a nextCursor from a previous page)");
    }

    private static String encode(int offset) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }
}
