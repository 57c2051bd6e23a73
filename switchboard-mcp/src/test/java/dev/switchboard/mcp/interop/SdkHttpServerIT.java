package dev.switchboard.mcp.interop;

import dev.switchboard.mcp.client.http.HttpTransportOptions;
import dev.switchboard.mcp.client.http.StreamableHttpClientTransport;
import dev.switchboard.mcp.transport.Transport;
import org.jspecify.annotations.Nullable;

/** Our Streamable HTTP client transport against the SDK's servlet transport in Jetty. */
class SdkHttpServerIT extends SdkServerContract {
    private @Nullable SdkHttpServer server;

    @Override
    Transport transport() throws Exception {
        SdkHttpServer s = SdkHttpServer.start();
        server = s;
        return new StreamableHttpClientTransport(runtime, HttpTransportOptions.of(s.endpoint()));
    }

    @Override
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }
}
