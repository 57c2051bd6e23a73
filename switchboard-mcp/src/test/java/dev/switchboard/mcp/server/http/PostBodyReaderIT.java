package dev.switchboard.mcp.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.mcp.McpRuntime;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** POST bodies as a client may send them: with a length, chunked, in pieces, too large. */
class PostBodyReaderIT {
    private static McpRuntime runtime;

    private final List<McpHttpServer> servers = new ArrayList<>();

    @BeforeAll
    static void startRuntime() {
        runtime = new McpRuntime();
    }

    @AfterAll
    static void stopRuntime() {
        runtime.close();
    }

    @AfterEach
    void stopServers() {
        servers.forEach(McpHttpServer::close);
    }

    private URI start(int maxBodyBytes) {
        McpHttpServer server = new McpHttpServer(
                new TestSessionFactory(),
                runtime,
                McpHttpServerOptions.defaults()
                        .withTransport(HttpServerTransportOptions.defaults().withMaxRequestBodyBytes(maxBodyBytes)));
        servers.add(server);
        server.start();
        return server.mcpEndpoint();
    }

    @Test
    void readsABodyWithContentLengthThatArrivesInPieces() throws Exception {
        URI endpoint = start(4096);
        byte[] body = initializeBody();
        int half = body.length / 2;

        String answer =
                post(endpoint, "Content-Length: " + body.length, slice(body, 0, half), slice(body, half, body.length));

        assertThat(answer).startsWith("HTTP/1.1 200").contains("\"protocolVersion\"");
    }

    @Test
    void readsAChunkedBodyThatArrivesInPieces() throws Exception {
        URI endpoint = start(4096);
        byte[] body = initializeBody();
        int third = body.length / 3;

        String answer = post(
                endpoint,
                "Transfer-Encoding: chunked",
                chunk(slice(body, 0, third)),
                chunk(slice(body, third, 2 * third)),
                chunk(slice(body, 2 * third, body.length)),
                "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(answer).startsWith("HTTP/1.1 200").contains("\"protocolVersion\"");
    }

    @Test
    void refusesAChunkedBodyOverTheLimitWith413() throws Exception {
        URI endpoint = start(100);
        byte[] body = initializeBody();

        String answer = post(
                endpoint,
                "Transfer-Encoding: chunked",
                chunk(slice(body, 0, 60)),
                chunk(slice(body, 60, body.length)),
                "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(answer).startsWith("HTTP/1.1 413").contains("at most 100 bytes");
    }

    private static byte[] initializeBody() {
        return McpTestClient.initializeBody("2025-06-18").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] slice(byte[] bytes, int from, int to) {
        return Arrays.copyOfRange(bytes, from, to);
    }

    private static byte[] chunk(byte[] data) {
        byte[] head = (Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[head.length + data.length + 2];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(data, 0, out, head.length, data.length);
        out[out.length - 2] = '\r';
        out[out.length - 1] = '\n';
        return out;
    }

    /** Posts the pieces with a flush after each, so that the server sees them arrive apart. */
    private static String post(URI endpoint, String framing, byte[]... pieces) throws Exception {
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout(10_000);
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + endpoint.getPath() + " HTTP/1.1\r\nHost: " + endpoint.getAuthority()
                            + "\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\n"
                            + framing + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            for (byte[] piece : pieces) {
                out.write(piece);
                out.flush();
            }
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
