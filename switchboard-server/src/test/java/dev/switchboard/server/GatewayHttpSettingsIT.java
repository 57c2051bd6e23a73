package dev.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.server.TestHttp.Reply;
import dev.switchboard.server.mcp.McpViewMount;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * The file's {@code gateway.allowedOrigins}, {@code allowedHosts}, {@code maxRequestBytes} and {@code
 * maxSessions} reach
 * the gateway's own checks and the MCP views it mounts.
 */
class GatewayHttpSettingsIT {
    private static final int LIMIT = 2048;
    private static final int SESSIONS = 3;
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
            + "\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}";

    @TempDir
    Path dir;

    private final AtomicReference<GatewayContext> mounted = new AtomicReference<>();
    private Gateway gateway;
    private TestHttp http;

    @BeforeEach
    void start() throws Exception {
        ObjectNode config = TestConfigs.withDemo(TestConfigs.empty(), "demo");
        ObjectNode settings = (ObjectNode) config.get("gateway");
        settings.putArray("allowedOrigins").add("https://app.example.com");
        settings.putArray("allowedHosts").add("127.0.0.1");
        settings.put("maxRequestBytes", LIMIT);
        settings.put("maxSessions", SESSIONS);
        Path file = TestConfigs.write(dir.resolve("switchboard.json"), config);
        McpViewMount views = new McpViewMount();
        gateway = Gateway.builder()
                .configFile(file)
                .watchConfig(false)
                .view((context, routes) -> mounted.set(context))
                .view(views)
                .start();
        http = new TestHttp(gateway.base());
    }

    @AfterEach
    void stop() {
        http.close();
        gateway.close();
    }

    @Test
    void mcpEndpointsAcceptOnlyTheConfiguredOrigins() {
        assertThat(initialize(http, "https://app.example.com").status()).isEqualTo(200);
        assertThat(initialize(http, null).status()).isEqualTo(200);

        Reply loopbackPage = initialize(http, "http://localhost:6274");

        assertThat(loopbackPage.status()).isEqualTo(403);
        assertThat(loopbackPage.body()).contains("Origin: http://localhost:6274");
    }

    @Test
    void mcpEndpointsAcceptOnlyTheConfiguredHosts() {
        URI byName = URI.create("http://localhost:" + gateway.base().getPort() + "/");
        try (TestHttp localhost = new TestHttp(byName)) {
            Reply reply = initialize(localhost, null);

            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.body()).contains("Host: localhost:");
        }
    }

    @Test
    void bodiesAboveTheLimitGet413OnMcpAndAdminRoutes() {
        String big = "{\"pad\":\"" + "x".repeat(LIMIT) + "\"}";

        Reply mcp = http.post("/mcp", null, big);
        Reply admin = http.post("/api/call", null, big);

        assertThat(mcp.status()).isEqualTo(413);
        assertThat(admin.status()).isEqualTo(413);
        // the unread body ends the connection: the client must not send the next request on it
        assertThat(mcp.response().headers().firstValue("Connection")).hasValue("close");
        assertThat(admin.response().headers().firstValue("Connection")).hasValue("close");
        assertThat(http.post("/api/call", null, "{\"server\":\"nope\",\"tool\":\"echo\"}")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void eachMcpEndpointOpensAtMostMaxSessions() {
        for (int i = 0; i < SESSIONS; i++) {
            assertThat(initialize(http, "/mcp", null).status()).isEqualTo(200);
        }

        Reply refused = initialize(http, "/mcp", null);

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.body()).contains("sessions: 3 (expected: at most 3");
        assertThat(initialize(http, "/mcp/meta", null).status()).isEqualTo(200);
    }

    @Test
    void viewsGetTheSameChecksAndLimitThroughTheirContext() {
        GatewayContext context = mounted.get();

        assertThat(context.serverOptions().maxRequestBodyBytes()).isEqualTo(LIMIT);
        assertThat(context.serverOptions().allowedOrigins().allows("https://app.example.com"))
                .isTrue();
        assertThat(context.serverOptions().allowedOrigins().allows("http://localhost:6274"))
                .isFalse();
        assertThat(context.serverOptions().allowedHosts().allows("localhost", true))
                .isFalse();
        assertThat(context.serverOptions().allowedHosts().allows("127.0.0.1:8808", true))
                .isTrue();
    }

    private static Reply initialize(TestHttp client, String origin) {
        return initialize(client, "/mcp", origin);
    }

    private static Reply initialize(TestHttp client, String path, String origin) {
        HttpRequest.Builder request = client.request(path, null)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return client.send(request.build());
    }
}
