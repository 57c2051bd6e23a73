package dev.switchboard.mcp.testing;

import dev.switchboard.mcp.jsonrpc.Decoded;
import dev.switchboard.mcp.jsonrpc.JsonRpcCodec;
import dev.switchboard.mcp.jsonrpc.JsonRpcMessage;
import dev.switchboard.mcp.jsonrpc.RequestId;
import dev.switchboard.mcp.transport.Transport;
import dev.switchboard.mcp.transport.TransportException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * One end of an in-memory connection between two {@link Transport}s, for tests that wire a client
 * session to a server session without processes or sockets. Each message is encoded and decoded
 * with the codec, as on a wire, so the two sides never share JSON trees; the {@code related} id
 * of a send travels with the message, as it does on a Streamable HTTP response stream. Each end
 * delivers on its own thread in the order sent; the queues are bounded and a send waits at most
 * five seconds for room. Closing either end closes both: the closing end's listener gets a normal
 * close, the other end's a {@link TransportException}.
 */
public final class InMemoryTransport implements Transport {
    private static final int CAPACITY = 10_000;
    private static final Delivery POISON = new Delivery(new byte[0], null);

    private final String name;
    private final JsonRpcCodec codec;
    private final BlockingQueue<Delivery> inbox = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicBoolean closed = new AtomicBoolean();
    private @Nullable InMemoryTransport peer;
    private volatile @Nullable Listener listener;
    private volatile @Nullable Throwable closeCause;

    private InMemoryTransport(String name, JsonRpcCodec codec) {
        this.name = name;
        this.codec = codec;
    }

    /** Two connected ends. */
    public record Pair(InMemoryTransport client, InMemoryTransport server) {}

    /** A connected pair. */
    public static Pair pair() {
        return pair(new JsonRpcCodec());
    }

    /** A connected pair using {@code codec}. */
    public static Pair pair(JsonRpcCodec codec) {
        InMemoryTransport client = new InMemoryTransport("in-memory(client)", codec);
        InMemoryTransport server = new InMemoryTransport("in-memory(server)", codec);
        client.peer = server;
        server.peer = client;
        return new Pair(client, server);
    }

    /** Whether this end was closed (by either side). */
    public boolean isClosed() {
        return closed.get();
    }

    private InMemoryTransport peer() {
        InMemoryTransport p = peer;
        if (p == null) {
            throw new IllegalStateException("not paired");
        }
        return p;
    }

    @Override
    public void start(Listener newListener) {
        if (listener != null) {
            throw new IllegalStateException(name + " was already started");
        }
        listener = newListener;
        Thread.ofVirtual().name(name + "-reader").start(() -> deliverLoop(newListener));
    }

    private void deliverLoop(Listener target) {
        try {
            while (true) {
                Delivery d = inbox.take();
                if (d == POISON) {
                    break;
                }
                codec.decode(d.bytes()).items().forEach(item -> {
                    if (item instanceof Decoded.Valid v) {
                        target.onMessage(v.message(), d.related());
                    } else {
                        target.onInvalidMessage(item.toString());
                    }
                });
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        target.onClose(closeCause);
    }

    @Override
    public void send(JsonRpcMessage message, @Nullable RequestId related) {
        InMemoryTransport target = peer();
        if (closed.get() || target.closed.get()) {
            throw new TransportException(name + ": closed");
        }
        try {
            if (!target.inbox.offer(new Delivery(codec.encode(message), related), 5, TimeUnit.SECONDS)) {
                throw new TransportException(name + ": peer's queue is full (" + CAPACITY + " messages)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(name + ": interrupted while sending", e);
        }
    }

    @Override
    public void close() {
        closeEnd(null);
        peer().closeEnd(new TransportException(peer().name + ": peer closed the connection"));
    }

    private void closeEnd(@Nullable Throwable cause) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closeCause = cause;
        // The poison goes after every message already queued, so they are still delivered.
        while (!inbox.offer(POISON)) {
            inbox.poll();
        }
    }

    @Override
    public String describe() {
        return name;
    }

    private record Delivery(byte[] bytes, @Nullable RequestId related) {}
}
