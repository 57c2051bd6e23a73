package dev.switchboard.bench.jmh;

import dev.switchboard.mcp.jsonrpc.Decoded;
import dev.switchboard.mcp.jsonrpc.JsonRpcCodec;
import dev.switchboard.mcp.jsonrpc.JsonRpcMessage;
import dev.switchboard.mcp.jsonrpc.RequestId;
import dev.switchboard.mcp.transport.Transport;
import dev.switchboard.mcp.transport.TransportException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * One end of an in-memory transport pair that hands each message to the other end's listener on
 * the sending thread, either as the object itself or, with a codec, encoded to bytes and decoded
 * again as a real wire would. No threads or queues of its own, so a round trip measures the
 * sessions (and optionally the codec), not a transport.
 */
final class MemoryPipe implements Transport {
    private final @Nullable JsonRpcCodec wire;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile @Nullable MemoryPipe peer;
    private volatile @Nullable Listener listener;

    private MemoryPipe(@Nullable JsonRpcCodec wire) {
        this.wire = wire;
    }

    /** Two connected ends; {@code wire} null passes objects, otherwise bytes through the codec. */
    static MemoryPipe[] pair(@Nullable JsonRpcCodec wire) {
        MemoryPipe a = new MemoryPipe(wire);
        MemoryPipe b = new MemoryPipe(wire);
        a.peer = b;
        b.peer = a;
        return new MemoryPipe[] {a, b};
    }

    @Override
    public void start(Listener l) {
        listener = l;
    }

    @Override
    public void send(JsonRpcMessage message, @Nullable RequestId related) {
        MemoryPipe other = peer;
        Listener l = other == null ? null : other.listener;
        if (closed.get() || l == null) {
            throw new TransportException("memory pipe: closed (expected: open)");
        }
        if (wire == null) {
            l.onMessage(message, related);
            return;
        }
        for (Decoded d : wire.decode(wire.encode(message)).items()) {
            if (d instanceof Decoded.Valid valid) {
                l.onMessage(valid.message(), related);
            }
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            Listener l = listener;
            if (l != null) {
                l.onClose(null);
            }
        }
    }

    @Override
    public String describe() {
        return "memory-pipe";
    }
}
