package dev.switchboard.bench.jmh;

import dev.switchboard.mcp.jsonrpc.Decoded;
import dev.switchboard.mcp.jsonrpc.DecodedPayload;
import dev.switchboard.mcp.jsonrpc.JsonRpcCodec;
import dev.switchboard.mcp.jsonrpc.JsonRpcMessage;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading and writing one {@code tools/call} request and one result with {@link JsonRpcCodec}; the
 * SDK's decoding of the same text beside it for scale.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CodecBenchmark {
    private final JsonRpcCodec codec = new JsonRpcCodec();
    private final McpJsonMapper sdkMapper = McpJsonDefaults.getMapper();
    private final byte[] requestBytes = Payloads.utf8(Payloads.TOOLS_CALL_REQUEST);
    private final byte[] resultBytes = Payloads.utf8(Payloads.TOOLS_CALL_RESULT);
    private final JsonRpcMessage request = codec.decodeSingle(Payloads.TOOLS_CALL_REQUEST);
    private final JsonRpcMessage result = codec.decodeSingle(Payloads.TOOLS_CALL_RESULT);

    /** Decodes the request from UTF-8 bytes, as the transports read it. */
    @Benchmark
    public JsonRpcMessage decodeToolsCallRequest() {
        return single(codec.decode(requestBytes));
    }

    /** Decodes the result from UTF-8 bytes. */
    @Benchmark
    public JsonRpcMessage decodeToolsCallResult() {
        return single(codec.decode(resultBytes));
    }

    /** Encodes the request to UTF-8 bytes. */
    @Benchmark
    public byte[] encodeToolsCallRequest() {
        return codec.encode(request);
    }

    /** Encodes the result to UTF-8 bytes. */
    @Benchmark
    public byte[] encodeToolsCallResult() {
        return codec.encode(result);
    }

    /** The SDK decoding the same request from a string (its transports read lines as strings). */
    @Benchmark
    public McpSchema.JSONRPCMessage sdkDecodeToolsCallRequest() throws IOException {
        return McpSchema.deserializeJsonRpcMessage(sdkMapper, Payloads.TOOLS_CALL_REQUEST);
    }

    /** The SDK decoding the same result from a string. */
    @Benchmark
    public McpSchema.JSONRPCMessage sdkDecodeToolsCallResult() throws IOException {
        return McpSchema.deserializeJsonRpcMessage(sdkMapper, Payloads.TOOLS_CALL_RESULT);
    }

    private static JsonRpcMessage single(DecodedPayload payload) {
        if (payload.items().get(0) instanceof Decoded.Valid valid) {
            return valid.message();
        }
        throw new IllegalStateException("payload: invalid (expected: one valid message)");
    }
}
