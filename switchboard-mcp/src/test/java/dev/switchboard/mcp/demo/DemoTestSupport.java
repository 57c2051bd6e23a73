package dev.switchboard.mcp.demo;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.client.ClientOptions;
import dev.switchboard.mcp.client.McpClient;
import dev.switchboard.mcp.server.McpServer;
import dev.switchboard.mcp.session.McpSession;
import dev.switchboard.mcp.session.SessionOptions;
import dev.switchboard.mcp.testing.InMemoryTransport;
import dev.switchboard.mcp.testing.RecordingClientHandler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Connects {@link McpClient}s to in-process demo servers over in-memory transports. */
abstract class DemoTestSupport {
    static McpRuntime runtime;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeAll
    static void startRuntime() {
        runtime = new McpRuntime();
    }

    @AfterAll
    static void stopRuntime() {
        runtime.close();
    }

    @AfterEach
    void closeClients() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    McpServer server() {
        return DemoServer.create(DemoOptions.of(runtime));
    }

    McpClient connect(McpServer server) {
        return connect(server, new RecordingClientHandler(), runtime.codec().object());
    }

    McpClient connect(McpServer server, RecordingClientHandler handler, ObjectNode capabilities) {
        InMemoryTransport.Pair pair = InMemoryTransport.pair(runtime.codec());
        McpSession serverSession = new McpSession(pair.server(), SessionOptions.of(runtime, "demo"));
        serverSession.start(server.open(serverSession));
        McpClient client = McpClient.connect(
                pair.client(), ClientOptions.of(runtime, "test").withServerRequests(capabilities, handler));
        open.add(client);
        return client;
    }

    static ObjectNode object() {
        return runtime.codec().object();
    }

    /** Arguments from name, value pairs. */
    static ObjectNode args(Object... namesAndValues) {
        ObjectNode args = object();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            args.set((String) namesAndValues[i], runtime.codec().mapper().valueToTree(namesAndValues[i + 1]));
        }
        return args;
    }

    /** The text of a tool result's first content block. */
    static String text(JsonNode result) {
        return result.path("content").path(0).path("text").asString();
    }
}
