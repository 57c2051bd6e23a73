package dev.switchboard.core.catalog;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.client.ClientOptions;
import dev.switchboard.mcp.client.McpClient;
import dev.switchboard.mcp.jsonrpc.Decoded;
import dev.switchboard.mcp.jsonrpc.JsonRpcCodec;
import dev.switchboard.mcp.jsonrpc.JsonRpcMessage;
import dev.switchboard.mcp.jsonrpc.RequestId;
import dev.switchboard.mcp.server.ServerSessionFactory;
import dev.switchboard.mcp.session.McpSession;
import dev.switchboard.mcp.session.SessionOptions;
import dev.switchboard.mcp.transport.Transport;
import dev.switchboard.mcp.transport.TransportException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * An in-memory connection between a client and a server in this JVM, for tests without processes
 * or sockets: messages are encoded and decoded as on a wire and delivered in order on a virtual
 * thread per end.
 */
final class MemoryLink implements Transport {
    private static final byte[] CLOSE = new byte[0];

    private final String name;
    private final JsonRpcCodec codec;
    private final LinkedBlockingQueue<byte[]> inbox = new LinkedBlockingQueue<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private @Nullable MemoryLink peer;

    private MemoryLink(String name, JsonRpcCodec codec) {
        this.name = name;
        this.codec = codec;
    }

    /** A client connected (handshake done) to {@code server}, served in this JVM. */
    static McpClient connect(McpRuntime runtime, ServerSessionFactory server, String name) {
        MemoryLink client = new MemoryLink("memory(" + name + ")", runtime.codec());
        MemoryLink serverEnd = new MemoryLink("memory-server(" + name + ")", runtime.codec());
        client.peer = serverEnd;
        serverEnd.peer = client;
        McpSession session = new McpSession(serverEnd, SessionOptions.of(runtime, "server-" + name));
        session.start(server.open(session));
        return McpClient.connect(client, ClientOptions.of(runtime, name));
    }

    @Override
    public void start(Listener listener) {
        Thread.ofVirtual().name(name).start(() -> deliver(listener));
    }

    private void deliver(Listener listener) {
        try {
            for (byte[] bytes = inbox.take(); bytes != CLOSE; bytes = inbox.take()) {
                for (Decoded d : codec.decode(bytes).items()) {
                    if (d instanceof Decoded.Valid v) {
                        listener.onMessage(v.message(), null);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        listener.onClose(null);
    }

    @Override
    public void send(JsonRpcMessage message, @Nullable RequestId related) {
        MemoryLink target = peer;
        if (target == null || closed.get() || target.closed.get()) {
            throw new TransportException(name + ": closed");
        }
        target.inbox.add(codec.encode(message));
    }

    @Override
    public void close() {
        closeEnd();
        MemoryLink p = peer;
        if (p != null) {
            p.closeEnd();
        }
    }

    private void closeEnd() {
        if (closed.compareAndSet(false, true)) {
            inbox.add(CLOSE);
        }
    }

    @Override
    public String describe() {
        return name;
    }
}
