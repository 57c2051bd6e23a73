package dev.switchboard.mcp.interop;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import java.net.URI;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The {@link SdkFixtureServer} over Streamable HTTP: the SDK's servlet transport in an embedded
 * Jetty 12.1 (ee11) servlet context on 127.0.0.1 and a free port, in this JVM.
 */
final class SdkHttpServer implements AutoCloseable {
    private final Server jetty;
    private final McpSyncServer mcp;
    private final URI endpoint;

    private SdkHttpServer(Server jetty, McpSyncServer mcp, URI endpoint) {
        this.jetty = jetty;
        this.mcp = mcp;
        this.endpoint = endpoint;
    }

    /** Starts the server. */
    static SdkHttpServer start() throws Exception {
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .mcpEndpoint("/mcp")
                .build();
        McpSyncServer mcp = SdkFixtureServer.build(McpServer.sync(transport));
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        ServletHolder holder = new ServletHolder("mcp", transport);
        // The provider answers with SSE through request.startAsync().
        holder.setAsyncSupported(true);
        context.addServlet(holder, "/mcp");
        jetty.setHandler(context);
        // The client has closed its session by then; a graceful stop would only wait for idle connections.
        jetty.setStopTimeout(0);
        jetty.start();
        return new SdkHttpServer(jetty, mcp, URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/mcp"));
    }

    /** The Streamable HTTP endpoint. */
    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        mcp.close();
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("SdkHttpServer: cannot stop Jetty: " + e.getMessage(), e);
        }
    }
}
