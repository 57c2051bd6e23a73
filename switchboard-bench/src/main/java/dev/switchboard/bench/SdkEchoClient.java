package dev.switchboard.bench;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadFactory;

/**
 * The MCP Java SDK's synchronous client, as its documentation shows it: one {@link McpSyncClient}
 * shared by every caller, its stdio transport spawning the server, or its Streamable HTTP transport
 * on {@code java.net.http}.
 */
final class SdkEchoClient implements EchoClient {
    private final McpSyncClient client;
    private final ThreadFactory threads;

    private SdkEchoClient(McpSyncClient client, ThreadFactory threads) {
        this.client = client;
        this.threads = threads;
    }

    /**
     * Starts {@code command} with the SDK's stdio transport and initializes.
     *
     * @param serialized whether sends go through a lock (the work-around for concurrent callers)
     */
    static SdkEchoClient stdio(List<String> command, boolean serialized, Duration timeout, boolean virtual) {
        ServerParameters params = ServerParameters.builder(command.get(0))
                .args(command.subList(1, command.size()))
                .build();
        StdioClientTransport raw = new StdioClientTransport(params, McpJsonDefaults.getMapper());
        // the default handler logs every stderr line; the demo server writes none while serving
        raw.setStdErrorHandler(line -> {});
        McpClientTransport transport = serialized ? new SerializedSends(raw) : raw;
        return open(transport, timeout, virtual);
    }

    /** Connects to the Streamable HTTP endpoint {@code url} and initializes. */
    static SdkEchoClient http(URI url, Duration timeout, boolean virtual) {
        McpClientTransport transport = HttpClientStreamableHttpTransport.builder(
                        url.getScheme() + "://" + url.getRawAuthority())
                .endpoint(url.getRawPath())
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        return open(transport, timeout, virtual);
    }

    private static SdkEchoClient open(McpClientTransport transport, Duration timeout, boolean virtual) {
        McpSyncClient client = McpClient.sync(transport)
                .clientInfo(McpSchema.Implementation.builder("switchboard-bench-sdk", "1")
                        .build())
                .requestTimeout(timeout)
                .initializationTimeout(Duration.ofSeconds(30))
                .build();
        try {
            client.initialize();
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
        ThreadFactory threads = virtual
                ? Thread.ofVirtual().name("sdk-caller-", 0).factory()
                : Thread.ofPlatform().name("sdk-caller-", 0).daemon().factory();
        return new SdkEchoClient(client, threads);
    }

    @Override
    public String echo(String message) {
        McpSchema.CallToolResult result = client.callTool(McpSchema.CallToolRequest.builder("echo")
                .arguments(Map.of("message", message))
                .build());
        if (Boolean.TRUE.equals(result.isError())) {
            throw new IllegalStateException("echo: isError (expected: a result) " + result.content());
        }
        return result.content().get(0) instanceof McpSchema.TextContent text ? text.text() : "";
    }

    @Override
    public ThreadFactory callerThreads() {
        return threads;
    }

    @Override
    public void close() {
        try {
            client.closeGracefully();
        } catch (RuntimeException e) {
            // closing is best effort; close() below releases what is left
        }
        client.close();
    }
}
