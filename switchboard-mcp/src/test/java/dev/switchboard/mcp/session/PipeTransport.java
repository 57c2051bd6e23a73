package dev.switchboard.mcp.session;

import dev.switchboard.mcp.jsonrpc.JsonRpcMessage;
import dev.switchboard.mcp.jsonrpc.RequestId;
import dev.switchboard.mcp.transport.Transport;
import dev.switchboard.mcp.transport.TransportException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * One end of an in-memory transport pair: what one end sends, the other receives on a reader thread
 * of its own, in order. Records what was sent, with the related id, for assertions.
 */
final class PipeTransport implements Transport {
    record Sent(JsonRpcMessage message, @Nullable RequestId related) {}

    private final ExecutorService reader = Executors.newSingleThreadExecutor();
    private final AtomicBoolean closed = new AtomicBoolean();
    final List<Sent> sent = new CopyOnWriteArrayList<>();
    private volatile @Nullable PipeTransport peer;
    private volatile @Nullable Listener listener;
    volatile boolean failSends;

    static PipeTransport[] pair() {
        PipeTransport a = new PipeTransport();
        PipeTransport b = new PipeTransport();
        a.peer = b;
        b.peer = a;
        return new PipeTransport[] {a, b};
    }

    @Override
    public void start(Listener l) {
        listener = l;
    }

    @Override
    public void send(JsonRpcMessage message, @Nullable RequestId related) {
        if (closed.get() || failSends) {
            throw new TransportException("pipe closed");
        }
        sent.add(new Sent(message, related));
        PipeTransport other = peer;
        if (other != null) {
            other.post(() -> {
                Listener l = other.listener;
                if (l != null && !other.closed.get()) {
                    l.onMessage(message, related);
                }
            });
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            Listener l = listener;
            if (l != null) {
                l.onClose(null);
            }
            PipeTransport other = peer;
            if (other != null) {
                other.post(() -> {
                    if (other.closed.compareAndSet(false, true)) {
                        Listener ol = other.listener;
                        if (ol != null) {
                            ol.onClose(new TransportException("peer closed"));
                        }
                    }
                });
            }
            reader.shutdown();
        }
    }

    private void post(Runnable task) {
        try {
            reader.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // this end is closed: what it would have read is dropped, as on a closed socket
        }
    }

    @Override
    public String describe() {
        return "pipe";
    }
}
