package dev.switchboard.core.lifecycle;

import dev.switchboard.mcp.jsonrpc.Decoded;
import dev.switchboard.mcp.jsonrpc.JsonRpcCodec;
import dev.switchboard.mcp.jsonrpc.JsonRpcMessage;
import dev.switchboard.mcp.jsonrpc.RequestId;
import dev.switchboard.mcp.transport.Transport;
import dev.switchboard.mcp.transport.TransportException;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * One end of an in-memory connection, for tests without processes or sockets. Messages are encoded
 * and decoded as on a wire and delivered in order on a virtual thread. Closing one end closes the
 * other with a {@link TransportException} (a crash as the peer sees it). A frozen end drops what is
 * sent to it (a server that hangs); a slow-closing end blocks in {@link #close()} (a close that
 * hangs).
 */
final class LinkedTransport implements Transport {
    private static final byte[] POISON = new byte[0];

    private final String name;
    private final JsonRpcCodec codec;
    private final LinkedBlockingQueue<byte[]> inbox = new LinkedBlockingQueue<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private @Nullable LinkedTransport peer;
    private volatile @Nullable Throwable closeCause;
    private volatile boolean frozen;
    private volatile Duration closeDelay = Duration.ZERO;
    private volatile Runnable onClose = () -> {};

    private LinkedTransport(String name, JsonRpcCodec codec) {
        this.name = name;
        this.codec = codec;
    }

    /** A client end and a server end. */
    record Pair(LinkedTransport client, LinkedTransport server) {}

    static Pair pair(String name, JsonRpcCodec codec) {
        LinkedTransport client = new LinkedTransport("linked(" + name + ")", codec);
        LinkedTransport server = new LinkedTransport("linked-server(" + name + ")", codec);
        client.peer = server;
        server.peer = client;
        return new Pair(client, server);
    }

    /** From now on, drop every message sent to this end. */
    void freeze() {
        frozen = true;
    }

    /** Make {@link #close()} block this long first. */
    void slowClose(Duration delay) {
        closeDelay = delay;
    }

    /** Run {@code hook} when {@link #close()} is called on this end. */
    void onClose(Runnable hook) {
        onClose = hook;
    }

    boolean isClosed() {
        return closed.get();
    }

    @Override
    public void start(Listener listener) {
        Thread.ofVirtual().name(name).start(() -> deliver(listener));
    }

    private void deliver(Listener listener) {
        try {
            while (true) {
                byte[] bytes = inbox.take();
                if (bytes == POISON) {
                    break;
                }
                for (Decoded d : codec.decode(bytes).items()) {
                    if (d instanceof Decoded.Valid v) {
                        listener.onMessage(v.message(), null);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        listener.onClose(closeCause);
    }

    @Override
    public void send(JsonRpcMessage message, @Nullable RequestId related) {
        LinkedTransport target = peer;
        if (target == null || closed.get() || target.closed.get()) {
            throw new TransportException(name + ": closed");
        }
        if (!target.frozen) {
            target.inbox.add(codec.encode(message));
        }
    }

    @Override
    public void close() {
        onClose.run();
        Duration delay = closeDelay;
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeEnd(null);
        LinkedTransport p = peer;
        if (p != null) {
            p.closeEnd(new TransportException(p.name + ": the peer closed the connection"));
        }
    }

    private void closeEnd(@Nullable Throwable cause) {
        if (closed.compareAndSet(false, true)) {
            closeCause = cause;
            inbox.add(POISON);
        }
    }

    @Override
    public String describe() {
        return name;
    }
}
