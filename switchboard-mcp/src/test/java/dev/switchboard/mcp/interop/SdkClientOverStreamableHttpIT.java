package dev.switchboard.mcp.interop;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.demo.DemoOptions;
import dev.switchboard.mcp.demo.DemoServer;
import dev.switchboard.mcp.server.http.McpHttpServer;
import dev.switchboard.mcp.server.http.McpHttpServerOptions;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpClientTransport;
import java.net.URI;
import java.time.Duration;

/** The SDK's Streamable HTTP client transport against our demo server served by {@link McpHttpServer}. */
class SdkClientOverStreamableHttpIT extends SdkClientContract {
    private final McpRuntime runtime = new McpRuntime();
    private final McpHttpServer server =
            new McpHttpServer(DemoServer.create(DemoOptions.of(runtime)), runtime, McpHttpServerOptions.defaults());

    @Override
    McpClientTransport transport() {
        server.start();
        URI endpoint = server.mcpEndpoint();
        return HttpClientStreamableHttpTransport.builder("http://" + endpoint.getRawAuthority())
                .endpoint(endpoint.getRawPath())
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    @Override
    void stopServer() {
        server.close();
        runtime.close();
    }
}
