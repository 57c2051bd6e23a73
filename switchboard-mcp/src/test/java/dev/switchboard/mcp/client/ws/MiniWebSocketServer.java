package dev.switchboard.mcp.client.ws;

import dev.switchboard.mcp.client.EchoServerLogic;
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
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A minimal RFC 6455 WebSocket server for tests on 127.0.0.1 and a free port: the opening
 * handshake (selecting subprotocol {@code mcp} when asked), masked client frames, fragmented
 * messages, ping, pong and the close handshake. Each text message is answered through {@link
 * EchoServerLogic}; answers can be split into several frames. Test code only.
 */
final class MiniWebSocketServer implements AutoCloseable {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final ServerSocket serverSocket;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final EchoServerLogic logic = new EchoServerLogic();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Queue<String> requestedProtocols = new ConcurrentLinkedQueue<>();
    private final Queue<Integer> closeCodes = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pingsReceived = new AtomicInteger();
    private final AtomicInteger messagesReceived = new AtomicInteger();
    /** Answers are split into frames of this many characters; 0 sends one frame. */
    volatile int fragmentChars;

    volatile boolean answerPings = true;

    MiniWebSocketServer() throws IOException {
        serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    URI uri() {
        return URI.create("ws://127.0.0.1:" + serverSocket.getLocalPort() + "/ws");
    }

    List<String> requestedProtocols() {
        return List.copyOf(requestedProtocols);
    }

    List<Integer> closeCodes() {
        return List.copyOf(closeCodes);
    }

    int pingsReceived() {
        return pingsReceived.get();
    }

    int messagesReceived() {
        return messagesReceived.get();
    }

    /** Drops every connection without a close handshake. */
    void dropConnections() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
        dropConnections();
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
            if (handshake(in, out)) {
                new Connection(in, out).run();
            }
        } catch (IOException e) {
            // the client or the test closed the connection
        } finally {
            sockets.remove(socket);
        }
    }

    private boolean handshake(InputStream in, OutputStream out) throws IOException {
        Map<String, String> headers = new HashMap<>();
        String line;
        int lines = 0;
        while (!(line = readLine(in)).isEmpty() && lines++ < 100) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(
                        line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).strip());
            }
        }
        String key = headers.get("sec-websocket-key");
        if (key == null) {
            out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            return false;
        }
        String protocols = headers.getOrDefault("sec-websocket-protocol", "");
        requestedProtocols.add(protocols);
        String response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept(key) + "\r\n"
                + (List.of(protocols.split("\\s*,\\s*")).contains("mcp") ? "Sec-WebSocket-Protocol: mcp\r\n" : "")
                + "\r\n";
        out.write(response.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return true;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n' && line.size() < 8192) {
            if (b != '\r') {
                line.write(b);
            }
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

    /** One open connection: reads frames and answers. */
    private final class Connection {
        private final DataInputStream in;
        private final OutputStream out;
        private final ReentrantLock writeLock = new ReentrantLock();
        private final ByteArrayOutputStream message = new ByteArrayOutputStream();

        Connection(DataInputStream in, OutputStream out) {
            this.in = in;
            this.out = out;
        }

        void run() throws IOException {
            while (true) {
                int b0 = in.readUnsignedByte();
                int b1 = in.readUnsignedByte();
                boolean fin = (b0 & 0x80) != 0;
                int opcode = b0 & 0x0F;
                long length = b1 & 0x7F;
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = in.readLong();
                }
                byte[] mask = new byte[4];
                if ((b1 & 0x80) != 0) {
                    in.readFully(mask);
                }
                byte[] payload = new byte[Math.toIntExact(length)];
                in.readFully(payload);
                for (int i = 0; i < payload.length; i++) {
                    payload[i] ^= mask[i % 4];
                }
                if (!onFrame(fin, opcode, payload)) {
                    return;
                }
            }
        }

        private boolean onFrame(boolean fin, int opcode, byte[] payload) throws IOException {
            switch (opcode) {
                case 0x0, 0x1 -> {
                    message.write(payload);
                    if (fin) {
                        String text = message.toString(StandardCharsets.UTF_8);
                        message.reset();
                        messagesReceived.incrementAndGet();
                        String answer = logic.answer(text);
                        if (answer != null) {
                            sendText(answer);
                        }
                    }
                }
                case 0x8 -> {
                    closeCodes.add(
                            payload.length >= 2 ? ByteBuffer.wrap(payload).getShort() & 0xFFFF : 1005);
                    send(0x8, true, payload);
                    return false;
                }
                case 0x9 -> {
                    pingsReceived.incrementAndGet();
                    if (answerPings) {
                        send(0xA, true, payload);
                    }
                }
                default -> {
                    // pongs and unknown opcodes are ignored
                }
            }
            return true;
        }

        private void sendText(String text) throws IOException {
            int size = fragmentChars;
            if (size <= 0 || text.length() <= size) {
                send(0x1, true, text.getBytes(StandardCharsets.UTF_8));
                return;
            }
            for (int start = 0; start < text.length(); start += size) {
                int end = Math.min(text.length(), start + size);
                send(
                        start == 0 ? 0x1 : 0x0,
                        end == text.length(),
                        text.substring(start, end).getBytes(StandardCharsets.UTF_8));
            }
        }

        private void send(int opcode, boolean fin, byte[] payload) throws IOException {
            ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 10);
            frame.write((fin ? 0x80 : 0) | opcode);
            if (payload.length < 126) {
                frame.write(payload.length);
            } else if (payload.length < 65536) {
                frame.write(126);
                frame.write(payload.length >>> 8);
                frame.write(payload.length & 0xFF);
            } else {
                frame.write(127);
                frame.write(ByteBuffer.allocate(8).putLong(payload.length).array());
            }
            frame.write(payload);
            writeLock.lock();
            try {
                // one write per frame: a frame split over several small writes waits for delayed ACKs
                frame.writeTo(out);
                out.flush();
            } finally {
                writeLock.unlock();
            }
        }
    }
}
