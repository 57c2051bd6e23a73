package dev.switchboard.mcp.demo;

import dev.switchboard.mcp.server.http.StreamableHttpHandler;
import java.time.Duration;

/**
 * {@code test_reconnection}, the fixture of the conformance suite's SSE polling scenario (SEP-1699):
 * over Streamable HTTP it ends the call's response stream before answering, so the client has to
 * resume with {@code Last-Event-ID} to get the result. Over other transports it just answers.
 * Stateless.
 */
final class ReconnectionTool {
    static final String TEXT = "Reconnection test completed successfully. If you received this, the client"
            + " properly reconnected after stream closure.";

    private ReconnectionTool() {}

    static Tool tool() {
        return Tool.of(
                "test_reconnection",
                "Ends the call's SSE stream before answering, so that the client must resume the stream"
                        + " (Last-Event-ID) to receive the result.",
                Schemas.empty(),
                call -> {
                    StreamableHttpHandler.closeSseStream(call.incoming());
                    call.pause(Duration.ofMillis(100));
                    return Content.textResult(TEXT);
                });
    }
}
