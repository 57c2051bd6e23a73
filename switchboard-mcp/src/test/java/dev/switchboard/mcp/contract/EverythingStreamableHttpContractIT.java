package dev.switchboard.mcp.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.mcp.client.http.HttpTransportOptions;
import dev.switchboard.mcp.client.http.StreamableHttpClientTransport;
import dev.switchboard.mcp.transport.Transport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The contract over Streamable HTTP against the reference server-everything ({@code
 * streamableHttp} mode) in a child process. Its output is kept in {@code
 * target/interop-logs/server-everything-streamableHttp.log}.
 */
class EverythingStreamableHttpContractIT extends ClientTransportContract {
    private ServerEverythingProcess server;

    @BeforeAll
    void startServer() throws IOException {
        Path logs = Files.createDirectories(Path.of("target", "interop-logs"));
        server = ServerEverythingProcess.start("streamableHttp", logs.resolve("server-everything-streamableHttp.log"));
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected Transport newTransport() {
        return new StreamableHttpClientTransport(runtime, HttpTransportOptions.of(server.uri("/mcp")));
    }

    @Override
    protected TargetProfile profile() {
        return TargetProfile.serverEverything(runtime.codec());
    }

    @Override
    protected void awaitReleasedByServer(Transport closed) {
        String sessionId = ((StreamableHttpClientTransport) closed).sessionId();
        assertThat(sessionId).isNotBlank();
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(server.output())
                        .contains("Received session termination request for session " + sessionId));
    }
}
