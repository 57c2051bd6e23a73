package dev.switchboard.mcp.interop;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Works around the MCP Java SDK 2.0.1 stdio transports (client and server) failing under concurrent
 * sends: their {@code sendMessage} emits into a unicast Reactor sink with {@code tryEmitNext}, which
 * returns {@code FAIL_NON_SERIALIZED} when two threads emit at once; the SDK turns that into "Failed to
 * enqueue message", and on the server side the session then stops answering for good.
 *
 * <p>The emission is synchronous: it happens when {@code sendMessage} is called or when its {@code
 * Mono} is subscribed. Calling and subscribing under one lock therefore serializes the emissions
 * without serializing the request/response round trips that follow.
 */
final class SerializedSends {
    private final ReentrantLock lock = new ReentrantLock();

    /** A {@code Mono} that calls {@code send} and subscribes to its result under the lock. */
    Mono<Void> send(Supplier<Mono<Void>> send) {
        return Mono.create(sink -> {
            lock.lock();
            try {
                send.get().subscribe(null, sink::error, sink::success);
            } catch (RuntimeException e) {
                sink.error(e);
            } finally {
                lock.unlock();
            }
        });
    }
}
