package dev.switchboard.bench.jmh;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.protocol.McpMethods;
import dev.switchboard.mcp.session.IncomingHandler;
import dev.switchboard.mcp.session.IncomingRequest;
import dev.switchboard.mcp.session.McpSession;
import dev.switchboard.mcp.session.SessionOptions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One {@code tools/call} round trip between a client {@link McpSession} and a server {@link
 * McpSession} joined by a {@link MemoryPipe}: request id and pending entry, timeout armed and
 * cancelled, the server's dispatch onto a virtual thread, the handler, the response correlated and
 * the caller woken. With {@code wire=bytes} each message is also encoded and decoded. The handler
 * answers at once, so the time is the sessions' per-call overhead.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
// fields are set in @Setup, which JMH runs before any benchmark method
@SuppressWarnings("NullAway.Init")
public class SessionRoundTripBenchmark {
    @Param({"objects", "bytes"})
    public String wire;

    private McpRuntime runtime;
    private McpSession client;
    private McpSession server;
    private ObjectNode params;

    /** Starts both sessions. */
    @Setup(Level.Trial)
    public void start() {
        runtime = new McpRuntime();
        MemoryPipe[] pipe = MemoryPipe.pair(wire.equals("bytes") ? runtime.codec() : null);
        client = new McpSession(pipe[0], SessionOptions.of(runtime, "client"));
        server = new McpSession(pipe[1], SessionOptions.of(runtime, "server"));
        ObjectNode result = runtime.codec().object();
        result.putArray("content").addObject().put("type", "text").put("text", "hello");
        result.put("isError", false);
        server.start(new Answer(result));
        client.start(new Answer(result));
        params = runtime.codec().object();
        params.put("name", "echo");
        params.putObject("arguments").put("message", "hello");
    }

    /** Closes both sessions and the runtime. */
    @TearDown(Level.Trial)
    public void stop() {
        client.close();
        server.close();
        runtime.close();
    }

    /** One caller. */
    @Benchmark
    public JsonNode roundTrip() throws Exception {
        return client.request(McpMethods.TOOLS_CALL, params).get(10, TimeUnit.SECONDS);
    }

    /** Four callers sharing the session. */
    @Benchmark
    @Threads(4)
    public JsonNode roundTripFourCallers() throws Exception {
        return client.request(McpMethods.TOOLS_CALL, params).get(10, TimeUnit.SECONDS);
    }

    private record Answer(JsonNode result) implements IncomingHandler {
        @Override
        public CompletionStage<JsonNode> onRequest(IncomingRequest request) {
            return CompletableFuture.completedFuture(result);
        }
    }
}
