package dev.switchboard.server.mcp;

import static dev.switchboard.server.mcp.AggregateViewIT.args;
import static dev.switchboard.server.mcp.AggregateViewIT.names;
import static dev.switchboard.server.mcp.AggregateViewIT.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.mcp.client.McpClient;
import dev.switchboard.mcp.demo.DemoServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /mcp/servers/{name}}: one server under its own names; 404 for what the caller cannot see. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerViewIT {
    private static final String POLICY = Configs.withAuth("""
              policy:
                default: allow
                rules:
                  - user: outsider
                    servers: [demo]
                    deny: ["*"]
            """);

    private TestGateway gateway;

    @BeforeAll
    void start() {
        gateway = TestGateway.start(
                Configs.file(POLICY, Configs.demoStdio("demo"), Configs.demoStdio("off", "enabled: false")));
    }

    @AfterAll
    void stop() {
        gateway.close();
    }

    @Test
    void passesOneServerThroughUnderItsOwnNames() {
        McpClient client = gateway.connect("/mcp/servers/demo", null);

        assertThat(names(client.request("tools/list", null), "tools"))
                .contains("echo", "add", "test_simple_text")
                .noneMatch(name -> name.startsWith("demo__"));
        assertThat(names(client.request("prompts/list", null), "prompts")).contains("test_simple_prompt");
        assertThat(text(client.callTool("echo", args("message", "own name")))).contains("own name");
    }

    @Test
    void introducesItselfAsTheServerDoes() {
        JsonNode own = gateway.connect("/mcp/servers/demo", null).initializeResult();
        JsonNode aggregate = gateway.connect("/mcp", null).initializeResult();

        assertThat(own.path("serverInfo").path("name").asString()).isEqualTo(DemoServer.NAME);
        assertThat(own.path("instructions").asString()).startsWith("Switchboard's demo MCP server");
        assertThat(own.path("capabilities").path("resources").path("subscribe").asBoolean())
                .isTrue();
        assertThat(aggregate.path("serverInfo").path("name").asString()).isEqualTo("switchboard-aggregate");
        assertThat(aggregate.path("instructions").asString()).startsWith("Switchboard gateway");
    }

    @Test
    void answersAnUnknownAHiddenAndADisabledServerWithTheSame404() throws Exception {
        HttpResponse<String> unknown = initialize("/mcp/servers/nothing", null);
        HttpResponse<String> hidden = initialize("/mcp/servers/demo", "outsider");
        HttpResponse<String> disabled = initialize("/mcp/servers/off", null);

        for (HttpResponse<String> response : java.util.List.of(unknown, hidden, disabled)) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            JsonNode error = JsonMapper.shared().readTree(response.body()).path("error");
            assertThat(error.path("code").asString()).isEqualTo("server_not_found");
        }
        assertThat(JsonMapper.shared()
                        .readTree(hidden.body())
                        .path("error")
                        .path("message")
                        .asString())
                .isEqualTo("server: \"demo\" (expected: the name of a server available to this caller)");
    }

    private HttpResponse<String> initialize(String path, @Nullable String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri(path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
                        + "\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                        + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}"));
        gateway.headers(user).forEach(request::header);
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
