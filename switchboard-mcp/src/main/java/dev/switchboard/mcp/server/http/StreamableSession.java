package dev.switchboard.mcp.server.http;

import dev.switchboard.mcp.jsonrpc.JsonRpcMessage;
import dev.switchboard.mcp.jsonrpc.JsonRpcResponse;
import dev.switchboard.mcp.jsonrpc.RequestId;
import dev.switchboard.mcp.protocol.ProtocolVersion;
import dev.switchboard.mcp.session.McpSession;
import dev.switchboard.mcp.transport.Transport;
import dev.switchboard.mcp.transport.TransportException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The server side of one Streamable HTTP client session, as the {@link Transport} of its {@link
 * McpSession}. It routes what the session sends: a response to the POST that carried its request; a
 * message related to a request to that request's POST (which then streams SSE); anything else to the
 * session's standalone GET stream, buffered while no GET is open. Thread-safe.
 */
final class StreamableSession implements Transport, SessionRegistry.Entry {
    private static final Logger log = LoggerFactory.getLogger(StreamableSession.class);
    /** POST streams kept after their client disconnected, for resumption with {@code Last-Event-ID}. */
    private static final int RESUMABLE_STREAMS = 16;

    private final String id;
    private final HttpServerTransportOptions options;
    private final RequestId initializeId;
    private final Consumer<StreamableSession> onClosed;
    private final @Nullable Object owner;
    private final EventStream standalone;
    private final Map<RequestId, PostExchange> exchanges = new ConcurrentHashMap<>();
    private final ReentrantLock streamsLock = new ReentrantLock();
    private final LinkedHashMap<Integer, EventStream> postStreams = new LinkedHashMap<>();
    private final AtomicInteger nextStream = new AtomicInteger(1);
    private final AtomicInteger activeRequests = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile long lastActivity;
    private volatile ProtocolVersion version;
    private volatile boolean initializeFailed;
    private volatile @Nullable Listener listener;
    private volatile @Nullable McpSession session;

    StreamableSession(
            String id,
            @Nullable Object owner,
            ProtocolVersion requested,
            RequestId initializeId,
            HttpServerTransportOptions options,
            Consumer<StreamableSession> onClosed) {
        this.id = id;
        this.owner = owner;
        this.version = requested;
        this.initializeId = initializeId;
        this.options = options;
        this.onClosed = onClosed;
        this.standalone =
                new EventStream(0, options.streamBufferEvents(), "streamable-http session " + id.substring(0, 8));
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

    /** The first characters of the id, enough to tell sessions apart in logs without revealing it. */
    String shortId() {
        return id.substring(0, 8);
    }

    /** Binds the MCP session that runs over this transport, which {@link #expire} closes. */
    void bind(McpSession mcpSession) {
        this.session = mcpSession;
    }

    /** The protocol revision: the one initialize asked for, then the one the server answered with. */
    ProtocolVersion protocolVersion() {
        return version;
    }

    /** Whether the server answered initialize with an error. */
    boolean initializeFailed() {
        return initializeFailed;
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

    boolean isClosed() {
        return closed.get();
    }

    /**
     * Makes {@code exchange} the destination of the response to request {@code requestId}.
     *
     * @return false when a request with that id is already waiting for its response
     */
    boolean register(RequestId requestId, PostExchange exchange) {
        return exchanges.putIfAbsent(requestId, exchange) == null;
    }

    /** See {@link StreamableHttpHandler#closeSseStream}. */
    boolean closeConnectionOf(RequestId requestId) {
        PostExchange exchange = exchanges.get(requestId);
        return exchange != null && version.compareTo(ProtocolVersion.V2025_11_25) >= 0 && exchange.closeConnection();
    }

    /** Hands a message the client posted to the MCP session. */
    /** Every message comes from {@link #deliver}, on the handler thread of the POST that carried it. */
    @Override
    public boolean deliversOnRequestThreads() {
        return true;
    }

    void deliver(JsonRpcMessage message) {
        Listener l = listener;
        if (l == null) {
            throw new IllegalStateException(describe() + " was not started");
        }
        l.onMessage(message, null);
    }

    /** The standalone stream (number 0) for messages unrelated to any request. */
    EventStream standalone() {
        return standalone;
    }

    /** A new stream for the SSE answer of one POST. */
    EventStream newPostStream() {
        return new EventStream(nextStream.getAndIncrement(), options.streamBufferEvents(), describe());
    }

    /**
     * Keeps a POST stream findable by its number, for resumption. Of the streams whose client went
     * away, the oldest beyond 16 are dropped; a stream still being written to its client never is, or
     * its client would lose the answer it is waiting for.
     */
    void track(EventStream stream) {
        streamsLock.lock();
        try {
            postStreams.put(stream.number(), stream);
            int detached = 0;
            for (EventStream s : postStreams.values()) {
                detached += s.isAttached() ? 0 : 1;
            }
            Iterator<EventStream> it = postStreams.values().iterator();
            while (detached > RESUMABLE_STREAMS && it.hasNext()) {
                EventStream oldest = it.next();
                if (!oldest.isAttached()) {
                    it.remove();
                    oldest.close();
                    detached--;
                }
            }
        } finally {
            streamsLock.unlock();
        }
    }

    /** Forgets a POST stream that was written completely. */
    void untrack(EventStream stream) {
        streamsLock.lock();
        try {
            postStreams.remove(stream.number(), stream);
        } finally {
            streamsLock.unlock();
        }
    }

    /** The stream with this number, or {@code null}. */
    @Nullable
    EventStream stream(int number) {
        if (number == 0) {
            return standalone;
        }
        streamsLock.lock();
        try {
            return postStreams.get(number);
        } finally {
            streamsLock.unlock();
        }
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
        if (closed.get()) {
            throw new TransportException(describe() + " is closed");
        }
        if (message instanceof JsonRpcResponse response) {
            routeResponse(response);
            return;
        }
        if (related != null) {
            PostExchange exchange = exchanges.get(related);
            if (exchange != null && exchange.offerRelated(message)) {
                return;
            }
        }
        if (!standalone.offer(message)) {
            throw new TransportException(describe() + " is closed");
        }
    }

    private void routeResponse(JsonRpcResponse response) {
        RequestId rid = response.id();
        if (initializeId.equals(rid)) {
            noteInitializeResult(response);
        }
        PostExchange exchange = rid == null ? null : exchanges.remove(rid);
        if (exchange == null) {
            log.debug("{}: no POST is waiting for the response to {}; dropped", describe(), rid);
            return;
        }
        exchange.offerResponse(response);
    }

    private void noteInitializeResult(JsonRpcResponse response) {
        JsonNode result = response.result();
        if (result == null) {
            initializeFailed = true;
            return;
        }
        JsonNode v = result.get("protocolVersion");
        ProtocolVersion.parse(v == null || !v.isString() ? null : v.asString()).ifPresent(p -> version = p);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        standalone.close();
        List<PostExchange> open = new ArrayList<>(exchanges.values());
        exchanges.clear();
        for (PostExchange exchange : open) {
            exchange.abort();
        }
        List<EventStream> streams;
        streamsLock.lock();
        try {
            streams = new ArrayList<>(postStreams.values());
            postStreams.clear();
        } finally {
            streamsLock.unlock();
        }
        streams.forEach(EventStream::close);
        onClosed.accept(this);
        Listener l = listener;
        if (l != null) {
            l.onClose(null);
        }
    }

    @Override
    public String describe() {
        return "streamable-http session " + shortId();
    }

    @Override
    public String toString() {
        return describe() + (closed.get() ? " (closed)" : "");
    }
}
