package dev.switchboard.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.core.config.ToolFilter;
import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.client.ClientOptions;
import dev.switchboard.mcp.client.McpClient;
import dev.switchboard.mcp.client.http.HttpTransportOptions;
import dev.switchboard.mcp.client.http.StreamableHttpClientTransport;
import dev.switchboard.mcp.client.stdio.StdioClientTransport;
import dev.switchboard.mcp.client.stdio.StdioServerParameters;
import dev.switchboard.mcp.demo.DemoServer;
import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import dev.switchboard.mcp.jsonrpc.JsonRpcNotification;
import dev.switchboard.mcp.jsonrpc.RequestId;
import dev.switchboard.mcp.server.http.McpHttpServer;
import dev.switchboard.mcp.server.http.McpHttpServerOptions;
import dev.switchboard.mcp.session.IncomingHandler;
import dev.switchboard.mcp.session.IncomingRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The catalog of real demo servers: over stdio (a child JVM) and over Streamable HTTP. */
class CatalogIT {
    private final McpRuntime runtime = new McpRuntime();
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing.reversed()) {
            c.close();
        }
        runtime.close();
    }

    @Test
    void listsTheDemoServerAndPicksUpAToolAddedAtRuntimeAfterListChanged() {
        LiveCatalog live = new LiveCatalog(CatalogSettings.of("__").withServer("demo", true, ToolFilter.ALL));
        List<CatalogChange> changes = new CopyOnWriteArrayList<>();
        live.addListener(changes::add);
        List<String> notifications = new CopyOnWriteArrayList<>();
        AtomicReference<@Nullable McpClient> connected = new AtomicReference<>();
        // What the engine will do: a list_changed notification starts a refresh on a virtual thread.
        ListChanged handler = new ListChanged(method -> {
            notifications.add(method);
            Set<Kind> kinds = Kind.forNotification(method);
            McpClient c = connected.get();
            if (!kinds.isEmpty() && c != null) {
                runtime.virtualThreads().execute(() -> live.refresh("demo", c, kinds.toArray(Kind[]::new)));
            }
        });
        McpClient client = stdioDemo(handler);
        connected.set(client);

        ServerCatalog catalog = ServerCatalog.fetch("demo", client, McpClient.DEFAULT_PAGE_CAP);
        live.put(catalog);

        assertThat(catalog.failures()).isEmpty();
        assertThat(catalog.truncated()).isEmpty();
        Catalog current = live.current();
        assertThat(current.tool("demo__echo")).isPresent();
        assertThat(current.tool("demo__add_tool")).isPresent();
        assertThat(current.route("echo").orElseThrow().originalName()).isEqualTo("echo");
        assertThat(current.resources()).extracting(CatalogResource::uri).contains("test://static-text");
        assertThat(current.resourceTemplates()).extracting(CatalogResource::uri).contains("test://template/{id}/data");
        assertThat(current.resourceOwner("test://template/42/data")).contains("demo");
        assertThat(current.prompt("demo__test_simple_prompt")).isPresent();
        assertThat(current.tool("demo__fresh_tool")).isEmpty();

        ObjectNode args = JsonNodeFactory.instance.objectNode().put("name", "fresh_tool");
        client.callTool(current.route("add_tool").orElseThrow().originalName(), args);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> live.current().tool("demo__fresh_tool").isPresent());
        assertThat(notifications).contains("notifications/tools/list_changed");
        assertThat(changes).last().satisfies(c -> assertThat(c.kindsOf("demo")).containsExactly(Kind.TOOLS));
        CatalogTool fresh = live.current().route("fresh_tool").orElseThrow();
        JsonNode result = client.callTool(fresh.originalName(), null);
        assertThat(result.path("content").path(0).path("text").asString()).contains("fresh_tool");
    }

    @Test
    void twoDemoServersWithoutPrefixShareOneNamespaceAndTheEarlierKeepsEveryName() {
        McpClient first = httpDemo();
        McpClient second = httpDemo();
        CatalogSettings settings = CatalogSettings.of("__")
                .withServer("first", false, ToolFilter.ALL)
                .withServer("second", false, new ToolFilter(List.of("*"), List.of("add_tool", "remove_tool")));
        // Arrival order is the reverse of configuration order; the result must not care.
        Catalog catalog = Catalog.empty(settings)
                .withServer(ServerCatalog.fetch("second", second, 10))
                .withServer(ServerCatalog.fetch("first", first, 10));

        assertThat(catalog.tool("echo").orElseThrow().server()).isEqualTo("first");
        assertThat(catalog.tool("second__echo").orElseThrow().originalName()).isEqualTo("echo");
        assertThat(catalog.tool("second__add_tool")).isEmpty();
        assertThat(catalog.collisions())
                .filteredOn(c -> c.kind() == Kind.TOOLS)
                .hasSize(catalog.toolsOf("second").size())
                .allSatisfy(c -> assertThat(c.keptServer()).isEqualTo("first"));
        assertThat(catalog.uriCollisions()).extracting(UriCollision::uri).contains("test://static-text");

        CatalogTool routed = catalog.route("second__echo").orElseThrow();
        McpClient target = routed.server().equals("second") ? second : first;
        JsonNode result = target.callTool(
                routed.originalName(), JsonNodeFactory.instance.objectNode().put("message", "via the catalog"));
        assertThat(result.path("content").path(0).path("text").asString()).contains("via the catalog");
    }

    private McpClient stdioDemo(IncomingHandler handler) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        StdioServerParameters demo = StdioServerParameters.builder(java)
                .args(
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        DemoServer.class.getName())
                .build();
        ClientOptions options = ClientOptions.of(runtime, "demo")
                .withServerRequests(JsonNodeFactory.instance.objectNode(), handler)
                .withInitializeTimeout(Duration.ofSeconds(60));
        McpClient client = McpClient.connect(new StdioClientTransport("demo", demo, runtime), options);
        closing.add(client);
        return client;
    }

    private McpClient httpDemo() {
        McpHttpServer server =
                DemoServer.startHttp(runtime, McpHttpServerOptions.defaults().withPort(0));
        closing.add(server);
        McpClient client = McpClient.connect(
                new StreamableHttpClientTransport(runtime, HttpTransportOptions.of(server.mcpEndpoint())),
                ClientOptions.of(runtime, "demo-http"));
        closing.add(client);
        return client;
    }

    /** Hands each notification's method on; answers requests with "method not found". */
    private record ListChanged(java.util.function.Consumer<String> onMethod) implements IncomingHandler {
        @Override
        public CompletionStage<JsonNode> onRequest(IncomingRequest request) {
            return CompletableFuture.failedFuture(
                    new JsonRpcException(JsonRpcError.METHOD_NOT_FOUND, "Method not found: " + request.method()));
        }

        @Override
        public void onNotification(JsonRpcNotification notification, @Nullable RequestId related) {
            onMethod.accept(notification.method());
        }
    }
}
