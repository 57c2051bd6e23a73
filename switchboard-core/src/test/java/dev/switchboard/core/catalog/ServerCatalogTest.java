package dev.switchboard.core.catalog;

import static dev.switchboard.core.catalog.Fixtures.prompt;
import static dev.switchboard.core.catalog.Fixtures.resource;
import static dev.switchboard.core.catalog.Fixtures.template;
import static dev.switchboard.core.catalog.Fixtures.tool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.client.McpClient;
import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import dev.switchboard.mcp.protocol.McpMethods;
import dev.switchboard.mcp.server.McpServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class ServerCatalogTest {
    private final McpRuntime runtime = new McpRuntime();
    private final List<McpClient> clients = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile List<ObjectNode> tools =
            IntStream.range(0, 5).mapToObj(i -> tool("t" + i)).toList();
    private final Paged toolPages = new Paged("tools", () -> tools, 1);

    @AfterEach
    void close() {
        release.countDown();
        clients.forEach(McpClient::close);
        runtime.close();
    }

    private McpClient connect(McpServer server) {
        McpClient client = MemoryLink.connect(runtime, server, "fixture");
        clients.add(client);
        return client;
    }

    private static ObjectNode empty() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** A server with tools one per page, and the other kinds as given (null: not declared). */
    private McpServer.Builder server() {
        return McpServer.builder("fixture", "1").capability("tools", empty()).handle(McpMethods.TOOLS_LIST, toolPages);
    }

    @Test
    void readsEveryPageOfEveryDeclaredKind() {
        Paged resources = new Paged("resources", () -> List.of(resource("r://1"), resource("r://2")), 1);
        Paged templates = new Paged("resourceTemplates", () -> List.of(template("r://{x}")), 1);
        Paged prompts = new Paged("prompts", () -> List.of(prompt("p1"), prompt("p2"), prompt("p3")), 2);
        McpClient client = connect(server().capability("resources", empty())
                .capability("prompts", empty())
                .handle(McpMethods.RESOURCES_LIST, resources)
                .handle(McpMethods.RESOURCES_TEMPLATES_LIST, templates)
                .handle(McpMethods.PROMPTS_LIST, prompts)
                .build());

        ServerCatalog catalog = ServerCatalog.fetch("fixture", client, 100);

        assertThat(catalog.server()).isEqualTo("fixture");
        assertThat(catalog.tools())
                .extracting(t -> t.get("name").asString())
                .containsExactly("t0", "t1", "t2", "t3", "t4");
        assertThat(catalog.resources()).hasSize(2);
        assertThat(catalog.resourceTemplates()).containsExactly(template("r://{x}"));
        assertThat(catalog.prompts()).hasSize(3);
        assertThat(toolPages.calls).hasValue(5);
        assertThat(prompts.calls).hasValue(2);
        assertThat(catalog.failures()).isEmpty();
        assertThat(catalog.truncated()).isEmpty();
    }

    @Test
    void stopsAtThePageCapAndSaysSo() {
        McpClient client = connect(server().build());

        ServerCatalog catalog = ServerCatalog.fetch("fixture", client, 3);

        assertThat(catalog.tools()).extracting(t -> t.get("name").asString()).containsExactly("t0", "t1", "t2");
        assertThat(toolPages.calls).hasValue(3);
        assertThat(catalog.truncated()).containsExactly(Kind.TOOLS);
    }

    @Test
    void theClientsListAllStopsAtItsPageCapToo() {
        McpClient client = connect(server().build());

        List<JsonNode> listed = client.listAll(McpMethods.TOOLS_LIST, "tools", 2);

        assertThat(listed).hasSize(2);
        assertThat(toolPages.calls).hasValue(2);
    }

    @Test
    void aCapOfExactlyThePageCountIsNotTruncated() {
        McpClient client = connect(server().build());
        assertThat(ServerCatalog.fetch("fixture", client, 5).truncated()).isEmpty();
    }

    @Test
    void skipsKindsTheServerDoesNotDeclare() {
        Paged prompts = new Paged("prompts", () -> List.of(prompt("p")), 10);
        McpClient client =
                connect(server().handle(McpMethods.PROMPTS_LIST, prompts).build());

        ServerCatalog catalog = ServerCatalog.fetch("fixture", client, 10);

        assertThat(catalog.prompts()).isEmpty();
        assertThat(prompts.calls).hasValue(0);
        assertThat(catalog.failures()).isEmpty();
    }

    @Test
    void aDeclaredKindAnsweredWithMethodNotFoundIsEmpty() {
        McpClient client = connect(server().capability("prompts", empty()).build());

        ServerCatalog catalog = ServerCatalog.fetch("fixture", client, 10);

        assertThat(catalog.prompts()).isEmpty();
        assertThat(catalog.failures()).isEmpty();
        assertThat(catalog.tools()).hasSize(5);
    }

    @Test
    void failsNamingServerAndMethodWhenToolsListFails() {
        McpClient client = connect(McpServer.builder("fixture", "1")
                .capability("tools", empty())
                .handle(McpMethods.TOOLS_LIST, r -> {
                    throw new JsonRpcException(JsonRpcError.INTERNAL_ERROR, "database down");
                })
                .build());

        assertThatThrownBy(() -> ServerCatalog.fetch("fixture", client, 10))
                .isInstanceOfSatisfying(CatalogFetchException.class, e -> {
                    assertThat(e.server()).isEqualTo("fixture");
                    assertThat(e.method()).isEqualTo("tools/list");
                })
                .hasMessageContaining("server fixture: tools/list failed")
                .hasMessageContaining("database down");
    }

    @Test
    void recordsAFailedListingOfAnotherKindAndKeepsTheRest() {
        McpClient client = connect(server().capability("resources", empty())
                .handle(McpMethods.RESOURCES_LIST, r -> {
                    throw new JsonRpcException(JsonRpcError.INTERNAL_ERROR, "disk full");
                })
                .handle(
                        McpMethods.RESOURCES_TEMPLATES_LIST,
                        new Paged("resourceTemplates", () -> List.of(template("x://{y}")), 5))
                .build());

        ServerCatalog catalog = ServerCatalog.fetch("fixture", client, 10);

        assertThat(catalog.tools()).hasSize(5);
        assertThat(catalog.resources()).isEmpty();
        assertThat(catalog.resourceTemplates()).hasSize(1);
        assertThat(catalog.failures()).containsOnlyKeys(Kind.RESOURCES);
        assertThat(catalog.failures().get(Kind.RESOURCES))
                .startsWith("resources/list failed: ")
                .contains("disk full");
    }

    @Test
    void aTimeoutBoundsTheWholeFetch() {
        McpClient client = connect(McpServer.builder("fixture", "1")
                .capability("tools", empty())
                .handle(McpMethods.TOOLS_LIST, r -> {
                    release.await(30, TimeUnit.SECONDS);
                    return empty();
                })
                .build());

        assertThatThrownBy(() -> ServerCatalog.fetch("fixture", client, 10, Duration.ofMillis(200)))
                .isInstanceOf(CatalogFetchException.class)
                .hasMessageContaining("tools/list");
    }

    @Test
    void dropsItemsWithoutTheirKey() {
        tools = List.of(tool("ok"), empty(), (ObjectNode) empty().put("name", 3), (ObjectNode) empty().put("name", ""));
        McpClient client = connect(server().build());

        ServerCatalog catalog = ServerCatalog.fetch("fixture", client, 10);

        assertThat(catalog.tools()).containsExactly(tool("ok"));
    }

    @Test
    void refreshListsOneKindAgain() {
        McpClient client = connect(server().build());
        ServerCatalog first = ServerCatalog.fetch("fixture", client, 10);
        tools = List.of(tool("new"));

        ServerCatalog second = first.refresh(client, Kind.TOOLS, 10);

        assertThat(second.tools()).containsExactly(tool("new"));
        assertThat(first.tools()).hasSize(5);
    }

    @Test
    void aFailedRefreshKeepsWhatWasListedAndRecordsTheFailure() {
        McpClient client = connect(McpServer.builder("fixture", "1")
                .capability("tools", empty())
                .handle(McpMethods.TOOLS_LIST, r -> {
                    throw new JsonRpcException(JsonRpcError.INTERNAL_ERROR, "flaky");
                })
                .build());
        ServerCatalog before = ServerCatalog.empty("fixture").withTools(List.of(tool("kept")));

        ServerCatalog after = before.refresh(client, Kind.TOOLS, 10);

        assertThat(after.tools()).containsExactly(tool("kept"));
        assertThat(after.failures()).containsKey(Kind.TOOLS);
        assertThat(after.withTools(List.of()).failures()).isEmpty();
    }

    @Test
    void withCopiesWhatItIsGiven() {
        ObjectNode mutable = tool("a");
        ServerCatalog catalog = ServerCatalog.empty("s").withTools(List.of(mutable));
        mutable.put("name", "changed");
        assertThat(catalog.tools().getFirst().get("name").asString()).isEqualTo("a");
    }

    @Test
    void refusesAPageCapBelowOne() {
        McpClient client = connect(server().build());
        assertThatThrownBy(() -> ServerCatalog.fetch("fixture", client, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pageCap: 0 (expected: >= 1)");
    }

    @Test
    void mapsListChangedNotificationsToTheKindsToListAgain() {
        assertThat(Kind.forNotification("notifications/tools/list_changed")).containsExactly(Kind.TOOLS);
        assertThat(Kind.forNotification("notifications/resources/list_changed"))
                .containsExactlyInAnyOrder(Kind.RESOURCES, Kind.RESOURCE_TEMPLATES);
        assertThat(Kind.forNotification("notifications/prompts/list_changed")).containsExactly(Kind.PROMPTS);
        assertThat(Kind.forNotification("notifications/message")).isEmpty();
    }
}
