package dev.switchboard.bench;

import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Wraps the SDK's stdio transport so that only one thread at a time emits into its outbound sink.
 * The SDK's {@code sendMessage} emits eagerly into a unicast sink, which rejects a second
 * concurrent emitter ("Failed to enqueue message"); holding a lock around the emit serializes the
 * sends only, not the round trips.
 */
final class SerializedSends implements McpClientTransport {
    private final McpClientTransport delegate;
    private final ReentrantLock lock = new ReentrantLock();

    SerializedSends(McpClientTransport delegate) {
        this.delegate = delegate;
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
        return Mono.defer(() -> {
            lock.lock();
            try {
                return delegate.sendMessage(message);
            } finally {
                lock.unlock();
            }
        });
    }

    @Override
    public Mono<Void> connect(Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
        return delegate.connect(handler);
    }

    @Override
    public void setExceptionHandler(Consumer<Throwable> handler) {
        delegate.setExceptionHandler(handler);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return delegate.closeGracefully();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
        return delegate.unmarshalFrom(data, typeRef);
    }

    @Override
    public List<String> protocolVersions() {
        return delegate.protocolVersions();
    }
}
