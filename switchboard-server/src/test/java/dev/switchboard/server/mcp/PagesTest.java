package dev.switchboard.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.mcp.jsonrpc.JsonRpcCodec;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class PagesTest {
    private final Pages pages = new Pages(new JsonRpcCodec(), 2);
    private final List<ObjectNode> catalog =
            new ArrayList<>(List.of(item("a"), item("b"), item("c"), item("d"), item("e")));

    @Test
    void answersAShortListingInOnePageWithoutCursor() {
        ObjectNode result = pages.page("tools", null, () -> new Pages.Listing(List.of(item("a")), null));

        assertThat(result.path("tools").size()).isEqualTo(1);
        assertThat(result.has("nextCursor")).isFalse();
    }

    @Test
    void pagesThroughTheSnapshotOfTheFirstPageEvenWhenTheCatalogChanges() {
        ObjectNode first = pages.page("tools", null, () -> new Pages.Listing(List.copyOf(catalog), meta()));
        catalog.clear();
        ObjectNode second = pages.page("tools", first.path("nextCursor").asString(), this::fail);
        ObjectNode third = pages.page("tools", second.path("nextCursor").asString(), this::fail);

        assertThat(names(first)).containsExactly("a", "b");
        assertThat(names(second)).containsExactly("c", "d");
        assertThat(names(third)).containsExactly("e");
        assertThat(third.has("nextCursor")).isFalse();
        assertThat(third.path("_meta").path("k").asString()).isEqualTo("v");
    }

    @Test
    void refusesACursorOfAnotherListingOrAnOlderOne() {
        ObjectNode first = pages.page("tools", null, () -> new Pages.Listing(List.copyOf(catalog), null));
        String cursor = first.path("nextCursor").asString();

        assertThatThrownBy(() -> pages.page("prompts", cursor, this::fail))
                .isInstanceOfSatisfying(
                        JsonRpcException.class,
                        e -> assertThat(e.error().code()).isEqualTo(-32602));
        pages.page("tools", null, () -> new Pages.Listing(List.copyOf(catalog), null));
        assertThatThrownBy(() -> pages.page("tools", cursor, this::fail)).isInstanceOf(JsonRpcException.class);
        assertThatThrownBy(() -> pages.page("tools", "not a cursor", this::fail))
                .isInstanceOf(JsonRpcException.class);
    }

    private Pages.Listing fail() {
        throw new AssertionError("a next page must come from the snapshot");
    }

    private static List<String> names(JsonNode result) {
        return result.path("tools")
                .valueStream()
                .map(n -> n.path("name").asString())
                .toList();
    }

    private static ObjectNode item(String name) {
        return JsonNodeFactory.instance.objectNode().put("name", name);
    }

    private static ObjectNode meta() {
        return JsonNodeFactory.instance.objectNode().put("k", "v");
    }
}
