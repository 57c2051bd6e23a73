package dev.switchboard.core.pool;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.client.ClientOptions;
import dev.switchboard.mcp.client.McpClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A session factory over {@link FakeTransport}s that counts what it creates, and can be told to
 * fail or to hold a creation until a gate opens.
 */
final class FakeFactory implements SessionFactory {
    private final McpRuntime runtime;
    final List<FakeTransport> transports = new CopyOnWriteArrayList<>();
    final Map<McpClient, FakeTransport> byClient = new ConcurrentHashMap<>();
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger inFactory = new AtomicInteger();
    final AtomicBoolean interrupted = new AtomicBoolean();
    volatile Consumer<FakeTransport> script = t -> {};
    volatile @Nullable Exception failure;
    volatile @Nullable CountDownLatch gate;
    volatile boolean gateIgnoresInterrupts;

    FakeFactory(McpRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public McpClient create(PoolKey key) throws Exception {
        calls.incrementAndGet();
        inFactory.incrementAndGet();
        try {
            Exception f = failure;
            if (f != null) {
                throw f;
            }
            waitForGate();
            FakeTransport transport = new FakeTransport("fake-" + calls.get(), runtime.codec());
            script.accept(transport);
            McpClient client = McpClient.connect(transport, ClientOptions.of(runtime, key.server()));
            transports.add(transport);
            byClient.put(client, transport);
            return client;
        } finally {
            inFactory.decrementAndGet();
        }
    }

    private void waitForGate() throws InterruptedException {
        CountDownLatch g = gate;
        if (g == null) {
            return;
        }
        if (!gateIgnoresInterrupts) {
            try {
                g.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw e;
            }
            return;
        }
        // like a factory call stuck in code that ignores interrupts
        while (true) {
            try {
                g.await(30, TimeUnit.SECONDS);
                return;
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        }
    }

    FakeTransport transportOf(McpClient client) {
        FakeTransport t = byClient.get(client);
        if (t == null) {
            throw new AssertionError("not created by this factory: " + client);
        }
        return t;
    }

    int created() {
        return transports.size();
    }

    long open() {
        return transports.stream().filter(t -> !t.isClosed()).count();
    }
}
