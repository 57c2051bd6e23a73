package dev.switchboard.mcp.server.http;

import dev.switchboard.mcp.jsonrpc.JsonRpcMessage;
import dev.switchboard.mcp.jsonrpc.RequestId;
import dev.switchboard.mcp.session.McpSession;
import dev.switchboard.mcp.transport.Transport;
import dev.switchboard.mcp.transport.TransportException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The server side of one HTTP+SSE (2024-11-05) client session, as the {@link Transport} of its {@link
 * McpSession}: everything the session sends goes on its one SSE stream; the client's messages arrive
 * by POST. The session lives as long as its stream. Thread-safe.
 */
final class LegacySession implements Transport, SessionRegistry.Entry {
    private final String id;
    private final HttpServerTransportOptions options;
    private final Consumer<LegacySession> onClosed;
    private final @Nullable Object owner;
    private final EventStream stream;
    private final AtomicInteger activeRequests = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile long lastActivity;
    private volatile @Nullable Listener listener;
    private volatile @Nullable McpSession session;

    LegacySession(
            String id, @Nullable Object owner, HttpServerTransportOptions options, Consumer<LegacySession> onClosed) {
        this.id = id;
        this.owner = owner;
        this.options = options;
        this.onClosed = onClosed;
        this.stream = new EventStream(0, options.streamBufferEvents(), "sse session " + id.substring(0, 8));
        this.lastActivity = options.clock().millis();
    }

    @Override
    public @Nullable Object owner() {
        return owner;
    }

    @Override
    public String id() {
        return id;
    }

    /** Binds the MCP session that runs over this transport, which {@link #expire} closes. */
    void bind(McpSession mcpSession) {
        this.session = mcpSession;
    }

    /** The session's SSE stream. */
    EventStream stream() {
        return stream;
    }

    /** An HTTP request of this session starts. */
    void begin() {
        activeRequests.incrementAndGet();
        lastActivity = options.clock().millis();
    }

    /** An HTTP request of this session ended. */
    void end() {
        lastActivity = options.clock().millis();
        activeRequests.decrementAndGet();
    }

    @Override
    public boolean idleSince(long cutoffMillis) {
        return activeRequests.get() == 0 && lastActivity < cutoffMillis;
    }

    @Override
    public void expire() {
        McpSession s = session;
        if (s != null) {
            s.close();
        } else {
            close();
        }
    }

    /** Hands a message the client posted to the MCP session. */
    void deliver(JsonRpcMessage message) {
        Listener l = listener;
        if (l == null) {
            throw new IllegalStateException(describe() + " was not started");
        }
        l.onMessage(message, null);
    }

    @Override
    public void start(Listener l) {
        if (listener != null) {
            throw new IllegalStateException(describe() + " was already started");
        }
        listener = l;
    }

    @Override
    public void send(JsonRpcMessage message, @Nullable RequestId related) {
        if (closed.get() || !stream.offer(message)) {
            throw new TransportException(describe() + " is closed");
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stream.close();
        onClosed.accept(this);
        Listener l = listener;
        if (l != null) {
            l.onClose(null);
        }
    }

    @Override
    public String describe() {
        return "sse session " + id.substring(0, 8);
    }

    @Override
    public String toString() {
        return describe() + (closed.get() ? " (closed)" : "");
    }
}
