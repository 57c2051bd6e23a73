package dev.switchboard.bench;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.client.ClientOptions;
import dev.switchboard.mcp.client.McpClient;
import dev.switchboard.mcp.session.RequestOptions;
import dev.switchboard.mcp.session.SessionOptions;
import dev.switchboard.mcp.transport.Transport;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Switchboard's {@link McpClient} over one of its transports; callers on virtual threads. */
final class SwitchboardEchoClient implements EchoClient {
    private final McpClient client;
    private final RequestOptions requestOptions;
    private final ThreadFactory threads =
            Thread.ofVirtual().name("sb-caller-", 0).factory();

    private SwitchboardEchoClient(McpClient client, Duration timeout) {
        this.client = client;
        this.requestOptions = RequestOptions.defaults().withTimeout(timeout);
    }

    /** Connects over {@code transport} (not yet started) and initializes. */
    static SwitchboardEchoClient open(Transport transport, McpRuntime runtime, Duration timeout) {
        ClientOptions options = ClientOptions.of(runtime, "bench")
                .withSession(SessionOptions.of(runtime, "bench").withRequestTimeout(timeout));
        return new SwitchboardEchoClient(McpClient.connect(transport, options), timeout);
    }

    @Override
    public String echo(String message) {
        ObjectNode args = client.session().codec().object();
        args.put("message", message);
        // the session's request timeout completes the future at the latest, so join() is bounded;
        // a timed get() would add a timer task per call on a virtual thread, which the SDK's
        // blocking call does not pay either
        JsonNode result = client.callToolAsync("echo", args, requestOptions).join();
        if (result.path("isError").asBoolean(false)) {
            throw new IllegalStateException("echo: isError (expected: a result) " + result.path("content"));
        }
        return result.path("content").path(0).path("text").asString("");
    }

    @Override
    public ThreadFactory callerThreads() {
        return threads;
    }

    @Override
    public void close() {
        client.close();
    }
}
