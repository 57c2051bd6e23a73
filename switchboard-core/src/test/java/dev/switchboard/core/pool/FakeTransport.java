package dev.switchboard.core.pool;

import dev.switchboard.mcp.jsonrpc.JsonRpcCodec;
import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcMessage;
import dev.switchboard.mcp.jsonrpc.JsonRpcRequest;
import dev.switchboard.mcp.jsonrpc.JsonRpcResponse;
import dev.switchboard.mcp.jsonrpc.RequestId;
import dev.switchboard.mcp.protocol.McpMethods;
import dev.switchboard.mcp.protocol.ProtocolVersion;
import dev.switchboard.mcp.transport.Transport;
import dev.switchboard.mcp.transport.TransportException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * An in-memory MCP server for unit tests of the pool's bookkeeping: answers each request at once,
 * in the sender's thread, as scripted per method (by default {@code initialize} with the latest
 * revision and every other request with an empty result), records the methods it was asked, and
 * can die like a crashed peer.
 */
final class FakeTransport implements Transport {
    private final String name;
    private final JsonRpcCodec codec;
    private final Map<String, Function<JsonRpcRequest, @Nullable JsonRpcResponse>> script = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile @Nullable Listener listener;

    FakeTransport(String name, JsonRpcCodec codec) {
        this.name = name;
        this.codec = codec;
        script.put(McpMethods.INITIALIZE, r -> {
            ObjectNode result = codec.object();
            result.put("protocolVersion", ProtocolVersion.LATEST.wire());
            result.putObject("capabilities");
            result.putObject("serverInfo").put("name", "fake").put("version", "1");
            return JsonRpcResponse.success(r.id(), result);
        });
    }

    /** Answers {@code method} with a JSON-RPC error of {@code code}. */
    FakeTransport answerError(String method, int code) {
        script.put(method, r -> JsonRpcResponse.failure(r.id(), JsonRpcError.of(code, "scripted error")));
        return this;
    }

    /** Never answers {@code method}. */
    FakeTransport silence(String method) {
        script.put(method, r -> null);
        return this;
    }

    /** Answers {@code method} with an empty result again. */
    FakeTransport answer(String method) {
        script.remove(method);
        return this;
    }

    /** The methods of the requests received since the handshake, in order. */
    List<String> requestsAfterHandshake() {
        return requests.stream().filter(m -> !m.equals(McpMethods.INITIALIZE)).toList();
    }

    boolean isClosed() {
        return closed.get();
    }

    /** Dies like a crashed server: the session sees the transport close with an error. */
    void kill() {
        Listener l = listener;
        if (closed.compareAndSet(false, true) && l != null) {
            l.onClose(new TransportException(name + ": the server died"));
        }
    }

    @Override
    public void start(Listener newListener) {
        this.listener = newListener;
    }

    @Override
    public void send(JsonRpcMessage message, @Nullable RequestId related) {
        if (closed.get()) {
            throw new TransportException(name + " is closed");
        }
        Listener l = listener;
        if (!(message instanceof JsonRpcRequest request) || l == null) {
            return;
        }
        requests.add(request.method());
        JsonRpcResponse response = script.getOrDefault(
                        request.method(), r -> JsonRpcResponse.success(r.id(), codec.object()))
                .apply(request);
        if (response != null) {
            l.onMessage(response, null);
        }
    }

    @Override
    public void close() {
        Listener l = listener;
        if (closed.compareAndSet(false, true) && l != null) {
            l.onClose(null);
        }
    }

    @Override
    public String describe() {
        return name;
    }
}
