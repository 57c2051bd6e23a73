package dev.switchboard.mcp.interop;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.time.Duration;

/**
 * Runs the {@link SdkFixtureServer} over stdio, as a child process. The SDK's reader and writer
 * threads keep the JVM alive until standard input ends.
 */
public final class SdkStdioServer {
    private SdkStdioServer() {}

    /** Serves until standard input ends. */
    public static void main(String[] args) {
        StdioServerTransportProvider stdio = new StdioServerTransportProvider(McpJsonDefaults.getMapper());
        McpSyncServer server = SdkFixtureServer.build(
                McpServer.sync(new SerializingServerTransportProvider(stdio)).requestTimeout(Duration.ofSeconds(30)));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    }
}
