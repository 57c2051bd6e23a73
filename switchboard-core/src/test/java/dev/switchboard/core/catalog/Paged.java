package dev.switchboard.core.catalog;

import dev.switchboard.mcp.server.MethodHandler;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** A list method of a test server that answers {@code pageSize} items a page and counts its calls. */
final class Paged implements MethodHandler {
    private final String field;
    private final Supplier<List<? extends JsonNode>> items;
    private final int pageSize;
    final AtomicInteger calls = new AtomicInteger();

    Paged(String field, Supplier<List<? extends JsonNode>> items, int pageSize) {
        this.field = field;
        this.items = items;
        this.pageSize = pageSize;
    }

    @Override
    public JsonNode handle(dev.switchboard.mcp.server.ServerRequest request) {
        calls.incrementAndGet();
        List<? extends JsonNode> all = items.get();
        JsonNode cursor = request.params().get("cursor");
        int from = cursor == null ? 0 : Integer.parseInt(cursor.asString());
        int to = Math.min(all.size(), from + pageSize);
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        ArrayNode page = result.putArray(field);
        all.subList(from, to).forEach(page::add);
        if (to < all.size()) {
            result.put("nextCursor", Integer.toString(to));
        }
        return result;
    }
}
