package dev.switchboard.server.mcp;

import static dev.switchboard.server.mcp.AggregateViewIT.args;
import static dev.switchboard.server.mcp.AggregateViewIT.names;
import static dev.switchboard.server.mcp.AggregateViewIT.rpcError;
import static dev.switchboard.server.mcp.AggregateViewIT.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.mcp.client.McpClient;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** {@code /mcp/meta}: the four meta-tools, under the same policy as the aggregate. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetaViewIT {
    private static final String POLICY = Configs.withAuth("""
              policy:
                default: allow
                rules:
                  - user: restricted
                    servers: [demo]
                    deny: ["add"]
            """);

    private TestGateway gateway;

    @BeforeAll
    void start() {
        gateway = TestGateway.start(Configs.file(POLICY, Configs.demoStdio("demo"), Configs.broken("broken")));
    }

    @AfterAll
    void stop() {
        gateway.close();
    }

    @Test
    void offersExactlyTheFourMetaTools() {
        McpClient client = gateway.connect("/mcp/meta", null);

        assertThat(names(client.request("tools/list", null), "tools"))
                .containsExactly("list_servers", "list_tools", "search_tools", "call_tool");
    }

    @Test
    void listsTheServersWithTheirStateToolCountAndLastError() {
        McpClient client = gateway.connect("/mcp/meta", null);

        JsonNode servers = structured(client.callTool("list_servers", null)).path("servers");

        JsonNode demo = byName(servers, "demo");
        assertThat(demo.path("state").asString()).isEqualTo("ready");
        assertThat(demo.path("available").asBoolean()).isTrue();
        assertThat(demo.path("tools").asInt()).isGreaterThan(10);
        JsonNode broken = byName(servers, "broken");
        assertThat(broken.path("available").asBoolean()).isFalse();
        assertThat(broken.path("lastError").asString()).contains("exit");
    }

    @Test
    void listsEachServersToolsWithOneLineDescriptions() {
        McpClient client = gateway.connect("/mcp/meta", null);

        JsonNode servers = structured(client.callTool("list_tools", args("server", "demo")))
                .path("servers");

        assertThat(servers.size()).isEqualTo(1);
        JsonNode tools = servers.get(0).path("tools");
        assertThat(tools.valueStream().map(t -> t.path("name").asString()).toList())
                .contains("demo__echo", "demo__add");
        assertThat(tools.valueStream().map(t -> t.path("description").asString()))
                .allMatch(d -> !d.contains("\n") && d.length() <= 160);
    }

    @Test
    void searchesToolsByWordsBestMatchFirst() {
        McpClient client = gateway.connect("/mcp/meta", null);

        JsonNode found = structured(client.callTool("search_tools", search("add two numbers", 3)))
                .path("tools");

        assertThat(found.size()).isBetween(1, 3);
        assertThat(found.get(0).path("name").asString()).isEqualTo("demo__add");
        JsonNode echo =
                structured(client.callTool("search_tools", search("echo", 5))).path("tools");
        assertThat(echo.get(0).path("name").asString()).isEqualTo("demo__echo");
    }

    @Test
    void callsAToolByItsAggregateName() {
        McpClient client = gateway.connect("/mcp/meta", null);
        ObjectNode call = JsonNodeFactory.instance.objectNode().put("name", "demo__echo");
        call.set("arguments", args("message", "through meta"));

        assertThat(text(client.callTool("call_tool", call))).contains("through meta");
    }

    @Test
    void appliesThePolicyToEveryMetaTool() {
        McpClient restricted = gateway.connect("/mcp/meta", null, "restricted");

        JsonNode tools = structured(restricted.callTool("list_tools", args("server", "demo")))
                .path("servers")
                .get(0)
                .path("tools");
        assertThat(tools.valueStream().map(t -> t.path("name").asString()).toList())
                .contains("demo__echo")
                .doesNotContain("demo__add");
        JsonNode found = structured(restricted.callTool("search_tools", search("add two numbers", 10)))
                .path("tools");
        assertThat(found.valueStream().map(t -> t.path("name").asString()).toList())
                .doesNotContain("demo__add");
        ObjectNode call = JsonNodeFactory.instance.objectNode().put("name", "demo__add");
        call.set("arguments", JsonNodeFactory.instance.objectNode().put("a", 1).put("b", 2));
        JsonRpcException hidden = rpcError(() -> restricted.callTool("call_tool", call));
        assertThat(hidden.error().message()).isEqualTo("Unknown tool: demo__add");
    }

    private static ObjectNode search(String query, int limit) {
        return JsonNodeFactory.instance.objectNode().put("query", query).put("limit", limit);
    }

    private static JsonNode structured(JsonNode result) {
        assertThat(result.path("isError").asBoolean(false)).as("%s", result).isFalse();
        return result.path("structuredContent");
    }

    private static JsonNode byName(JsonNode servers, String name) {
        List<JsonNode> found = servers.valueStream()
                .filter(s -> s.path("name").asString().equals(name))
                .toList();
        assertThat(found).as("server %s in %s", name, servers).hasSize(1);
        return found.get(0);
    }
}
