package dev.switchboard.mcp.client.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.client.ClientOptions;
import dev.switchboard.mcp.client.McpClient;
import dev.switchboard.mcp.session.RequestOptions;
import dev.switchboard.mcp.transport.TransportException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WebSocketClientTransportIT {
    private McpRuntime runtime;
    private MiniWebSocketServer server;

    @BeforeEach
    void start() throws Exception {
        runtime = new McpRuntime();
        server = new MiniWebSocketServer();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        runtime.close();
    }

    private WebSocketClientTransport transport(WebSocketOptions.Builder options) {
        return new WebSocketClientTransport(runtime, options.build());
    }

    private McpClient connect(WebSocketClientTransport transport) {
        return McpClient.connect(transport, ClientOptions.of(runtime, "ws"));
    }

    private JsonNode echo(McpClient client, String text) {
        return client.callTool("echo", runtime.codec().object().put("text", text));
    }

    private static String text(JsonNode result) {
        return result.path("content").path(0).path("text").asString();
    }

    @Test
    void makesARoundTripWithSubprotocolMcp() {
        try (McpClient client = connect(transport(WebSocketOptions.builder(server.uri())))) {
            assertThat(text(echo(client, "over a websocket"))).isEqualTo("over a websocket");
            assertThat(server.requestedProtocols()).containsExactly("mcp");
            assertThat(client.session().transport().describe()).isEqualTo("websocket(" + server.uri() + ")");
        }
    }

    @Test
    void joinsAMessageSplitIntoFrames() {
        server.fragmentChars = 7;
        try (McpClient client = connect(transport(WebSocketOptions.builder(server.uri())))) {
            String long_ = "a message longer than one small frame".repeat(5);
            assertThat(text(echo(client, long_))).isEqualTo(long_);
        }
    }

    @Test
    void sendsFromManyThreadsAtOnce() throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try (McpClient client = connect(transport(WebSocketOptions.builder(server.uri())))) {
            List<Future<CompletableFuture<JsonNode>>> submitted = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String payload = "message-" + i;
                submitted.add(senders.submit(() -> client.callToolAsync(
                        "echo", runtime.codec().object().put("text", payload), RequestOptions.defaults())));
            }
            for (int i = 0; i < 400; i++) {
                JsonNode result = submitted.get(i).get(30, TimeUnit.SECONDS).get(30, TimeUnit.SECONDS);
                assertThat(text(result)).isEqualTo("message-" + i);
            }
        } finally {
            senders.shutdownNow();
        }
        assertThat(server.messagesReceived()).isEqualTo(402);
    }

    @Test
    void closesWithTheCloseHandshake() {
        McpClient client = connect(transport(WebSocketOptions.builder(server.uri())));

        client.close();

        assertThat(client.session().closeFuture().join()).isNull();
        await().atMost(Duration.ofSeconds(30)).until(() -> !server.closeCodes().isEmpty());
        assertThat(server.closeCodes()).containsExactly(1000);
    }

    @Test
    void closesWithACauseWhenTheConnectionDrops() throws Exception {
        // the end of the stream normally closes it at once; the pings are the backstop a real
        // deployment has too, for the rare drop the JDK client does not report
        McpClient client =
                connect(transport(WebSocketOptions.builder(server.uri()).pingInterval(Duration.ofMillis(500))));

        server.dropConnections();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> client.session().closeFuture().isDone());
        assertThat(client.session().closeFuture().join()).isInstanceOf(TransportException.class);
    }

    @Test
    void pingsAndCountsPongs() {
        WebSocketClientTransport transport =
                transport(WebSocketOptions.builder(server.uri()).pingInterval(Duration.ofMillis(300)));
        try (McpClient client = connect(transport)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> transport.pongsReceived() >= 2);
            assertThat(client.session().isOpen()).isTrue();
        }
    }

    @Test
    void closesWhenPingsGoUnanswered() {
        server.answerPings = false;
        McpClient client =
                connect(transport(WebSocketOptions.builder(server.uri()).pingInterval(Duration.ofMillis(50))));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> client.session().closeFuture().isDone());
        assertThat(client.session().closeFuture().join())
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("no pong for 3 ping intervals");
    }

    @Test
    void closesWhenAMessageExceedsTheLimit() {
        McpClient client =
                connect(transport(WebSocketOptions.builder(server.uri()).maxMessageChars(200)));

        CompletableFuture<JsonNode> big = client.callToolAsync(
                "echo", runtime.codec().object().put("text", "y".repeat(500)), RequestOptions.defaults());

        await().atMost(Duration.ofSeconds(30)).until(big::isDone);
        assertThat(big).isCompletedExceptionally();
        assertThat(client.session().closeFuture().join())
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("more than 200 characters");
    }
}
