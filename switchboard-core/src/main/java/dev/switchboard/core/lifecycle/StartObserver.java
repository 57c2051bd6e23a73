package dev.switchboard.core.lifecycle;

import dev.switchboard.mcp.jsonrpc.JsonRpcMessage;
import dev.switchboard.mcp.jsonrpc.RequestId;
import dev.switchboard.mcp.transport.Transport;
import org.jspecify.annotations.Nullable;

/**
 * A transport that remembers whether its delegate started, so that a failed handshake can be told
 * apart from a failed start, and that runs a hook right after the start (to watch a new process).
 */
final class StartObserver implements Transport {
    private final Transport delegate;
    private final Runnable afterStart;
    private volatile boolean started;

    StartObserver(Transport delegate, Runnable afterStart) {
        this.delegate = delegate;
        this.afterStart = afterStart;
    }

    boolean started() {
        return started;
    }

    @Override
    public void start(Listener listener) {
        delegate.start(listener);
        started = true;
        afterStart.run();
    }

    @Override
    public void send(JsonRpcMessage message, @Nullable RequestId related) {
        delegate.send(message, related);
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String describe() {
        return delegate.describe();
    }
}
