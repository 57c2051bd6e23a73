package dev.switchboard.mcp.server.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.session.IncomingHandler;
import dev.switchboard.mcp.session.IncomingRequest;
import dev.switchboard.mcp.session.McpSession;
import dev.switchboard.mcp.session.SessionOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class StdioServerTransportTest {
    private final McpRuntime runtime = new McpRuntime();

    @AfterEach
    void tearDown() {
        runtime.close();
    }

    /** Answers after a delay, so that the answer is due after the input ended. */
    private final IncomingHandler slowEcho = new IncomingHandler() {
        @Override
        public CompletionStage<JsonNode> onRequest(IncomingRequest request) {
            return CompletableFuture.supplyAsync(
                    () -> request.paramsObject(), CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));
        }
    };

    private String serve(String input, boolean drain) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StdioServerTransport transport = new StdioServerTransport(
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, runtime.codec(), 1024);
        McpSession session = new McpSession(transport, SessionOptions.of(runtime, "test"));
        if (drain) {
            transport.drainOnEndOfInput(session::requestsInFlight, Duration.ofSeconds(10));
        }
        session.start(slowEcho);
        session.closeFuture().get(15, TimeUnit.SECONDS);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void answersRequestsStillRunningWhenTheInputEnds() throws Exception {
        String output = serve("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"echo\",\"params\":{\"x\":1}}\n", true);
        assertThat(output).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"x\":1}}\n");
    }

    @Test
    void answersNonJsonAndOversizedLinesWithParseErrors() throws Exception {
        String output = serve("not json\n" + "x".repeat(2000) + "\n\n", true);
        assertThat(output.lines())
                .hasSize(2)
                .allSatisfy(line -> assertThat(line).contains("\"id\":null").contains("-32700"));
        assertThat(output).contains("line longer than 1024 bytes");
    }
}
