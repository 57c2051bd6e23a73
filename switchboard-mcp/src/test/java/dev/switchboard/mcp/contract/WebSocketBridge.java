package dev.switchboard.mcp.contract;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.server.ServerSessionFactory;
import dev.switchboard.mcp.session.McpSession;
import dev.switchboard.mcp.session.SessionOptions;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A test-only WebSocket server transport for MCP: on 127.0.0.1 and a free port, it accepts
 * WebSocket connections (subprotocol {@code mcp}) and runs one {@link McpSession} per connection
 * with a handler from a {@link ServerSessionFactory}. Main code has no WebSocket server transport;
 * this exists so that the WebSocket client transport can run the same contract as the others. The
 * frame handling is in {@link WebSocketServerTransport}.
 */
final class WebSocketBridge implements AutoCloseable {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int MAX_HEADER_LINES = 100;
    private static final int MAX_LINE_BYTES = 8192;

    private final ServerSessionFactory factory;
    private final McpRuntime runtime;
    private final ServerSocket serverSocket;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<McpSession> sessions = ConcurrentHashMap.newKeySet();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

    WebSocketBridge(ServerSessionFactory factory, McpRuntime runtime) throws IOException {
        this.factory = factory;
        this.runtime = runtime;
        this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    URI uri() {
        return URI.create("ws://127.0.0.1:" + serverSocket.getLocalPort() + "/mcp");
    }

    /** Sessions whose connection is still open. */
    int openSessions() {
        return (int) sessions.stream().filter(McpSession::isOpen).count();
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
        sessions.forEach(McpSession::close);
        for (Socket s : sockets) {
            s.close();
        }
        threads.shutdownNow();
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket socket = serverSocket.accept();
                socket.setTcpNoDelay(true);
                sockets.add(socket);
                threads.execute(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            OutputStream out = socket.getOutputStream();
            if (!handshake(in, out)) {
                return;
            }
            WebSocketServerTransport transport = new WebSocketServerTransport(in, out, runtime.codec());
            McpSession session = new McpSession(transport, SessionOptions.of(runtime, "ws-bridge"));
            sessions.add(session);
            try {
                session.start(factory.open(session));
                transport.readUntilClosed();
            } finally {
                session.close();
                sessions.remove(session);
            }
        } catch (IOException e) {
            // the client went away during the handshake
        } finally {
            sockets.remove(socket);
        }
    }

    /** Reads the opening handshake and answers it; false (after a 400) when it is not a WebSocket one. */
    private static boolean handshake(InputStream in, OutputStream out) throws IOException {
        String key = null;
        String protocols = "";
        String line = readLine(in);
        for (int lines = 0; !line.isEmpty() && lines < MAX_HEADER_LINES; lines++) {
            int colon = line.indexOf(':');
            String name = colon > 0 ? line.substring(0, colon).strip().toLowerCase(Locale.ROOT) : "";
            String value = colon > 0 ? line.substring(colon + 1).strip() : "";
            if (name.equals("sec-websocket-key")) {
                key = value;
            } else if (name.equals("sec-websocket-protocol")) {
                protocols = value;
            }
            line = readLine(in);
        }
        if (key == null) {
            out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            return false;
        }
        boolean mcp = List.of(protocols.split("\\s*,\\s*")).contains("mcp");
        String response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept(key) + "\r\n"
                + (mcp ? "Sec-WebSocket-Protocol: mcp\r\n" : "")
                + "\r\n";
        out.write(response.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return true;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b = in.read();
        while (b != -1 && b != '\n' && line.size() < MAX_LINE_BYTES) {
            if (b != '\r') {
                line.write(b);
            }
            b = in.read();
        }
        if (b == -1) {
            throw new IOException("connection closed during the handshake");
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    private static String accept(String key) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return Base64.getEncoder().encodeToString(sha1.digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "WebSocketBridge[" + uri() + (serverSocket.isClosed() ? ", closed]" : "]");
    }
}
