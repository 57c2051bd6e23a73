package dev.switchboard.mcp.server.stdio;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.jsonrpc.Decoded;
import dev.switchboard.mcp.jsonrpc.DecodedPayload;
import dev.switchboard.mcp.jsonrpc.JsonRpcCodec;
import dev.switchboard.mcp.jsonrpc.JsonRpcMessage;
import dev.switchboard.mcp.jsonrpc.JsonRpcResponse;
import dev.switchboard.mcp.jsonrpc.RequestId;
import dev.switchboard.mcp.server.ServerSessionFactory;
import dev.switchboard.mcp.server.SessionContext;
import dev.switchboard.mcp.session.McpSession;
import dev.switchboard.mcp.session.SessionOptions;
import dev.switchboard.mcp.transport.LineReader;
import dev.switchboard.mcp.transport.Transport;
import dev.switchboard.mcp.transport.TransportException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one client session over a byte stream pair, normally standard input and output: one
 * JSON-RPC message per line. Lines that are not JSON are answered with a parse error; a line over
 * the size limit is discarded and answered the same way. Thread-safe.
 */
public final class StdioServerTransport implements Transport {
    private static final Logger log = LoggerFactory.getLogger(StdioServerTransport.class);

    /** The default limit of one line: 4 MiB. */
    public static final int DEFAULT_MAX_LINE_BYTES = 4 * 1024 * 1024;

    private static final Duration DEFAULT_DRAIN = Duration.ofSeconds(30);
    private static final long DRAIN_POLL_MILLIS = 10;

    private final InputStream in;
    private final OutputStream out;
    private final JsonRpcCodec codec;
    private final int maxLineBytes;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile @Nullable Listener listener;
    private volatile IntSupplier inFlight = () -> 0;
    private volatile Duration drainLimit = Duration.ZERO;

    /** A transport over {@code in} and {@code out}. */
    public StdioServerTransport(InputStream in, OutputStream out, JsonRpcCodec codec, int maxLineBytes) {
        this.in = in;
        this.out = new BufferedOutputStream(out, 64 * 1024);
        this.codec = codec;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * Serves {@code factory} over standard input and output until the client closes its end, then
     * lets requests still running finish and answer (at most 30 seconds) before closing. Blocks the
     * calling thread.
     */
    public static void serve(ServerSessionFactory factory, McpRuntime runtime) {
        StdioServerTransport transport =
                new StdioServerTransport(System.in, System.out, runtime.codec(), DEFAULT_MAX_LINE_BYTES);
        McpSession session = new McpSession(transport, SessionOptions.of(runtime, "stdio"));
        transport.drainOnEndOfInput(session::requestsInFlight, DEFAULT_DRAIN);
        session.start(factory.open(session, SessionContext.of("stdio")));
        session.closeFuture().join();
    }

    /**
     * When the input ends, waits until {@code requestsInFlight} reports none (at most {@code limit})
     * before closing, so that a client that writes its requests and closes its end, as a shell pipe
     * does, still gets every answer. Without it the transport closes at once.
     */
    public void drainOnEndOfInput(IntSupplier requestsInFlight, Duration limit) {
        this.inFlight = requestsInFlight;
        this.drainLimit = limit;
    }

    private void drain() {
        long deadline = System.nanoTime() + drainLimit.toNanos();
        try {
            while (inFlight.getAsInt() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(DRAIN_POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start(Listener newListener) {
        if (listener != null) {
            throw new IllegalStateException("already started");
        }
        listener = newListener;
        Thread.ofPlatform().name("stdio-server-reader").daemon().start(() -> readLoop(newListener));
    }

    private void readLoop(Listener target) {
        Throwable cause = null;
        LineReader reader = new LineReader(in, maxLineBytes);
        try {
            for (LineReader.Result r = reader.next(); r != LineReader.Result.END; r = reader.next()) {
                if (r == LineReader.Result.OVERSIZED) {
                    answerInvalid(target, "line longer than " + maxLineBytes + " bytes discarded");
                } else if (!isBlank(reader.buffer(), reader.length())) {
                    deliver(target, reader.buffer(), reader.length());
                }
            }
        } catch (IOException e) {
            cause = closed.get() ? null : e;
        }
        if (cause == null) {
            drain();
        }
        closeWith(target, cause);
    }

    private static boolean isBlank(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    private void deliver(Listener target, byte[] bytes, int length) {
        DecodedPayload payload = codec.decode(bytes, 0, length);
        for (Decoded d : payload.items()) {
            switch (d) {
                case Decoded.Valid v -> target.onMessage(v.message(), null);
                case Decoded.Invalid i -> {
                    target.onInvalidMessage(i.error().message());
                    if (i.expectsAnswer()) {
                        send(JsonRpcResponse.failure(i.id(), i.error()), null);
                    }
                }
            }
        }
    }

    private void answerInvalid(Listener target, String why) {
        log.warn("stdio: {}", why);
        target.onInvalidMessage(why);
        send(
                JsonRpcResponse.failure(
                        null,
                        dev.switchboard.mcp.jsonrpc.JsonRpcError.of(
                                dev.switchboard.mcp.jsonrpc.JsonRpcError.PARSE_ERROR, "Parse error: " + why)),
                null);
    }

    @Override
    public void send(JsonRpcMessage message, @Nullable RequestId related) {
        if (closed.get()) {
            throw new TransportException("stdio: transport is closed");
        }
        writeLock.lock();
        try {
            codec.writeTo(message, out);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new TransportException("stdio: cannot write to standard output: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void close() {
        Listener target = listener;
        if (target != null) {
            closeWith(target, null);
        } else {
            closed.set(true);
        }
    }

    private void closeWith(Listener target, @Nullable Throwable cause) {
        if (closed.compareAndSet(false, true)) {
            try {
                out.flush();
            } catch (IOException e) {
                log.debug("stdio: flush on close failed: {}", e.toString());
            }
            target.onClose(cause);
        }
    }

    @Override
    public String describe() {
        return "stdio(server)";
    }
}
