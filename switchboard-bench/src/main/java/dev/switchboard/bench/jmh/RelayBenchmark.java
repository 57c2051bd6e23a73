package dev.switchboard.bench.jmh;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.protocol.McpMethods;
import dev.switchboard.mcp.session.IncomingHandler;
import dev.switchboard.mcp.session.IncomingRequest;
import dev.switchboard.mcp.session.McpSession;
import dev.switchboard.mcp.session.RequestOptions;
import dev.switchboard.mcp.session.SessionOptions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
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
 * A {@code tools/call} relayed through a middle hop, as the gateway relays one, with the sessions
 * joined by in-memory pipes: client, then the middle's server session, whose handler renames the
 * tool and sends the call on through its own client session (new request id, its own progress
 * token), then the downstream server; the answer and the progress come back the same way, the
 * progress with the client's token again. {@code direct} is the same call without the middle, so
 * the difference is what relaying costs in the sessions (id and token rewriting, the rename, two
 * more dispatches), without HTTP, pipes or processes. With {@code wire=bytes} every hop also
 * encodes and decodes each message.
 *
 * <p>Four callers, so that the threads stay busy: with one caller on this two-core VM each call
 * mostly measures how long an idle thread takes to wake (a one-caller round trip in {@link
 * SessionRoundTripBenchmark} takes about 70 µs, against 27 µs with four).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(4)
// fields are set in @Setup, which JMH runs before any benchmark method
@SuppressWarnings("NullAway.Init")
public class RelayBenchmark {
    @Param({"objects", "bytes"})
    public String wire;

    private McpRuntime runtime;
    private McpSession client;
    private McpSession middleIn;
    private McpSession middleOut;
    private McpSession downstream;
    private McpSession directClient;
    private McpSession directServer;
    private ObjectNode relayedParams;
    private ObjectNode directParams;
    private final LongAdder progressSeen = new LongAdder();

    /** Starts the chain client, middle, downstream, and a direct pair beside it. */
    @Setup(Level.Trial)
    public void start() {
        runtime = new McpRuntime();
        MemoryPipe[] upstream = pipe();
        MemoryPipe[] down = pipe();
        MemoryPipe[] direct = pipe();
        client = session(upstream[0], "client");
        middleIn = session(upstream[1], "middle-in");
        middleOut = session(down[0], "middle-out");
        downstream = session(down[1], "downstream");
        directClient = session(direct[0], "direct-client");
        directServer = session(direct[1], "direct-server");
        Echo echo = new Echo(runtime);
        downstream.start(echo);
        directServer.start(echo);
        middleOut.start(new Refuse());
        middleIn.start(new Relay(middleOut));
        client.start(new Refuse());
        directClient.start(new Refuse());
        relayedParams = call("demo__echo");
        directParams = call("echo");
    }

    private MemoryPipe[] pipe() {
        return MemoryPipe.pair(wire.equals("bytes") ? runtime.codec() : null);
    }

    private McpSession session(MemoryPipe end, String name) {
        return new McpSession(end, SessionOptions.of(runtime, name));
    }

    private ObjectNode call(String tool) {
        ObjectNode params = runtime.codec().object();
        params.put("name", tool);
        params.putObject("arguments").put("message", "hello");
        return params;
    }

    /** Closes every session and the runtime. */
    @TearDown(Level.Trial)
    public void stop() {
        for (McpSession s : new McpSession[] {client, middleIn, middleOut, downstream, directClient, directServer}) {
            s.close();
        }
        runtime.close();
    }

    /** The call straight to the server: the baseline. */
    @Benchmark
    public JsonNode direct() throws Exception {
        return directClient.request(McpMethods.TOOLS_CALL, directParams).get(10, TimeUnit.SECONDS);
    }

    /** The call through the middle hop. */
    @Benchmark
    public JsonNode relayed() throws Exception {
        return client.request(McpMethods.TOOLS_CALL, relayedParams).get(10, TimeUnit.SECONDS);
    }

    /** Through the middle with a progress token: one progress notification relayed back per call. */
    @Benchmark
    public JsonNode relayedWithProgress() throws Exception {
        RequestOptions options = RequestOptions.defaults().withProgress(p -> progressSeen.increment(), false);
        return client.request(McpMethods.TOOLS_CALL, relayedParams, options).get(10, TimeUnit.SECONDS);
    }

    /** Answers every call with a text result, after one progress notification when asked for. */
    private record Echo(McpRuntime runtime) implements IncomingHandler {
        @Override
        public CompletionStage<JsonNode> onRequest(IncomingRequest request) {
            request.progress(1, 1.0, null);
            ObjectNode result = runtime.codec().object();
            result.putArray("content")
                    .addObject()
                    .put("type", "text")
                    .put(
                            "text",
                            request.paramsObject()
                                    .path("arguments")
                                    .path("message")
                                    .asString(""));
            return CompletableFuture.completedFuture(result);
        }
    }

    /** What the gateway's relay does to a call: rename, forward with progress and cancellation. */
    private record Relay(McpSession out) implements IncomingHandler {
        @Override
        public CompletionStage<JsonNode> onRequest(IncomingRequest call) {
            ObjectNode sent = call.paramsObject().deepCopy();
            String name = sent.path("name").asString("");
            sent.put("name", name.substring(name.indexOf("__") + 2));
            RequestOptions options = RequestOptions.defaults();
            JsonNode token = call.progressToken();
            if (token != null) {
                options = options.withProgress(progress -> relayProgress(call, token, progress), true);
            }
            CompletableFuture<JsonNode> result = out.request(McpMethods.TOOLS_CALL, sent, options);
            call.onCancel(() -> result.cancel(true));
            return result;
        }

        private static void relayProgress(IncomingRequest call, JsonNode token, ObjectNode progress) {
            ObjectNode params = progress.deepCopy();
            params.set("progressToken", token);
            call.notify(McpMethods.PROGRESS, params);
        }
    }

    /** A side that answers no requests. */
    private static final class Refuse implements IncomingHandler {
        @Override
        public CompletionStage<JsonNode> onRequest(IncomingRequest request) {
            return CompletableFuture.failedFuture(new IllegalStateException("not a server: " + request.method()));
        }

        @Override
        public void onClose(@Nullable Throwable cause) {}
    }
}
