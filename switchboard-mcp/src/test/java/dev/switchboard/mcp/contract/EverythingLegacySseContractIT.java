package dev.switchboard.mcp.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.mcp.client.http.HttpTransportOptions;
import dev.switchboard.mcp.client.http.SseClientTransport;
import dev.switchboard.mcp.transport.Transport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The contract over the legacy HTTP+SSE transport against the reference server-everything ({@code
 * sse} mode) in a child process. Its output is kept in {@code
 * target/interop-logs/server-everything-sse.log}.
 */
class EverythingLegacySseContractIT extends ClientTransportContract {
    private ServerEverythingProcess server;

    @BeforeAll
    void startServer() throws IOException {
        Path logs = Files.createDirectories(Path.of("target", "interop-logs"));
        server = ServerEverythingProcess.start("sse", logs.resolve("server-everything-sse.log"));
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected Transport newTransport() {
        return new SseClientTransport(runtime, HttpTransportOptions.of(server.uri("/sse")));
    }

    @Override
    protected TargetProfile profile() {
        return TargetProfile.serverEverything(runtime.codec());
    }

    @Override
    protected void awaitReleasedByServer(Transport closed) {
        // every session that connected so far has been let go of once the server saw its stream close
        await().atMost(WAIT).untilAsserted(() -> {
            String out = server.output();
            assertThat(count(out, "Client Disconnected: ")).isEqualTo(count(out, "Client Connected: "));
        });
    }

    private static int count(String text, String marker) {
        int n = 0;
        for (int i = text.indexOf(marker); i >= 0; i = text.indexOf(marker, i + marker.length())) {
            n++;
        }
        return n;
    }
}
