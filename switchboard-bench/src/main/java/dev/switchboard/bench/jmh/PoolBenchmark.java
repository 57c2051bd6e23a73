package dev.switchboard.bench.jmh;

import dev.switchboard.core.pool.PoolIdentity;
import dev.switchboard.core.pool.PoolKey;
import dev.switchboard.core.pool.PoolOptions;
import dev.switchboard.core.pool.SessionLease;
import dev.switchboard.core.pool.SessionPool;
import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.client.ClientOptions;
import dev.switchboard.mcp.client.McpClient;
import dev.switchboard.mcp.jsonrpc.JsonRpcCodec;
import dev.switchboard.mcp.jsonrpc.JsonRpcMessage;
import dev.switchboard.mcp.jsonrpc.JsonRpcRequest;
import dev.switchboard.mcp.jsonrpc.JsonRpcResponse;
import dev.switchboard.mcp.jsonrpc.RequestId;
import dev.switchboard.mcp.protocol.ProtocolVersion;
import dev.switchboard.mcp.transport.Transport;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.node.ObjectNode;

/**
 * The session pool's hot path: acquiring an idle session and giving it back, with no request sent
 * (the sessions are young, so no health check runs). One caller on one key; four callers sharing
 * one key; four callers with a key each, the per-identity case. The sessions are real {@link
 * McpClient}s over an in-memory transport that answers only the handshake.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PoolBenchmark {
    private static final PoolKey SHARED = PoolKey.of(PoolIdentity.of("alice"), "bench", "memory");

    private @Nullable McpRuntime runtime;
    private @Nullable SessionPool pool;

    /** Starts a pool whose sessions never need a health check during the run. */
    @Setup(Level.Trial)
    public void start() {
        McpRuntime r = new McpRuntime();
        runtime = r;
        PoolOptions options = PoolOptions.defaults()
                .withMaxPerKey(8)
                .withTtl(Duration.ofHours(1))
                .withIdleEviction(Duration.ofHours(1))
                .withHealthChecks(PoolOptions.defaults().healthChecks(), Duration.ofHours(1), Duration.ofSeconds(5));
        pool = SessionPool.builder(key -> McpClient.connect(new HandshakeOnly(r.codec()), ClientOptions.of(r, "bench")))
                .name("bench")
                .options(options)
                .runtime(r)
                .build();
    }

    /** Closes the pool and the runtime. */
    @TearDown(Level.Trial)
    public void stop() {
        if (pool != null) {
            pool.close();
        }
        if (runtime != null) {
            runtime.close();
        }
    }

    /** A key of its own per benchmark thread: one identity per caller. */
    @State(Scope.Thread)
    public static class OwnKey {
        private static final AtomicInteger NEXT = new AtomicInteger();
        final PoolKey key = PoolKey.of(PoolIdentity.of("user-" + NEXT.incrementAndGet()), "bench", "memory");
    }

    /** One caller acquiring and releasing the idle session of one key. */
    @Benchmark
    public McpClient acquireRelease() {
        return lend(SHARED);
    }

    /** Four callers on one key, which holds up to eight sessions. */
    @Benchmark
    @Threads(4)
    public McpClient acquireReleaseSharedKey() {
        return lend(SHARED);
    }

    /** Four callers, each with a key of its own. */
    @Benchmark
    @Threads(4)
    public McpClient acquireReleaseOwnKey(OwnKey own) {
        return lend(own.key);
    }

    private McpClient lend(PoolKey key) {
        SessionPool p = pool;
        if (p == null) {
            throw new IllegalStateException("pool: not started (expected: @Setup to have run)");
        }
        try (SessionLease lease = p.acquire(key)) {
            return lease.client();
        }
    }

    /** A transport whose peer answers {@code initialize} at once and ignores everything else. */
    private static final class HandshakeOnly implements Transport {
        private final JsonRpcCodec codec;
        private volatile @Nullable Listener listener;

        HandshakeOnly(JsonRpcCodec codec) {
            this.codec = codec;
        }

        @Override
        public void start(Listener newListener) {
            listener = newListener;
        }

        @Override
        public void send(JsonRpcMessage message, @Nullable RequestId related) {
            Listener l = listener;
            if (l != null && message instanceof JsonRpcRequest request) {
                ObjectNode result = codec.object();
                result.put("protocolVersion", ProtocolVersion.LATEST.wire());
                result.putObject("capabilities");
                result.putObject("serverInfo").put("name", "bench").put("version", "1");
                l.onMessage(JsonRpcResponse.success(request.id(), result), null);
            }
        }

        @Override
        public void close() {
            Listener l = listener;
            listener = null;
            if (l != null) {
                l.onClose(null);
            }
        }

        @Override
        public String describe() {
            return "handshake-only";
        }
    }
}
