package dev.switchboard.mcp.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.client.ClientOptions;
import dev.switchboard.mcp.client.McpClient;
import dev.switchboard.mcp.server.McpServer;
import dev.switchboard.mcp.server.http.HttpServerTransportOptions;
import dev.switchboard.mcp.server.http.McpHttpServer;
import dev.switchboard.mcp.server.http.McpHttpServerOptions;
import dev.switchboard.mcp.server.http.ResponseMode;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Our Streamable HTTP client against our Streamable HTTP server, in every answer mode: a session
 * the server expired for idleness is replaced transparently.
 */
class StreamableHttpAgainstOurServerIT {
    private final AtomicLong nowMillis =
            new AtomicLong(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());
    private McpRuntime runtime;
    private McpHttpServer server;

    @BeforeEach
    void start() {
        runtime = new McpRuntime();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        runtime.close();
    }

    private McpHttpServer startServer(ResponseMode mode) {
        McpServer echo = McpServer.builder("echo", "1").build();
        // idle expiry runs on this clock, which only the test moves; the short timeout makes the sweep frequent
        InstantSource clock = () -> Instant.ofEpochMilli(nowMillis.get());
        var transport = HttpServerTransportOptions.defaults()
                .withResponseMode(mode)
                .withSessionIdleTimeout(Duration.ofMillis(400))
                .withClock(clock);
        server =
                new McpHttpServer(echo, runtime, McpHttpServerOptions.defaults().withTransport(transport));
        server.start();
        return server;
    }

    @ParameterizedTest
    @EnumSource(ResponseMode.class)
    void replacesASessionTheServerExpiredForIdleness(ResponseMode mode) {
        McpHttpServer http = startServer(mode);
        StreamableHttpClientTransport transport = new StreamableHttpClientTransport(
                runtime,
                HttpTransportOptions.builder(http.mcpEndpoint())
                        .openServerStream(false)
                        .build());
        try (McpClient client = McpClient.connect(transport, ClientOptions.of(runtime, "it"))) {
            client.ping();
            String first = transport.sessionId();

            // the server stamps a request's end after the client already has the answer, so keep
            // moving the clock until the sweep sees the session idle
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                nowMillis.addAndGet(Duration.ofMinutes(5).toMillis());
                return http.streamableHandler().sessionCount() == 0;
            });
            client.ping();

            assertThat(transport.reinitializations()).isEqualTo(1);
            assertThat(transport.sessionId()).isNotNull().isNotEqualTo(first);
            assertThat(http.streamableHandler().sessionCount()).isEqualTo(1);
        }
    }
}
