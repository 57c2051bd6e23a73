package dev.switchboard.core.pool;

import dev.switchboard.mcp.McpRuntime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * What the pool's unit tests share: a runtime for the client sessions, a fake ticker, a manual
 * scheduler for the reaper, a fake factory, and pools closed after each test.
 */
abstract class PoolTestSupport {
    static final Duration WAIT = Duration.ofSeconds(10);
    static McpRuntime runtime;

    final FakeTicker ticker = new FakeTicker();
    final ManualScheduler scheduler = new ManualScheduler();
    final FakeFactory factory = new FakeFactory(runtime);
    private final List<SessionPool> pools = new ArrayList<>();

    @BeforeAll
    static void startRuntime() {
        runtime = new McpRuntime();
    }

    @AfterAll
    static void stopRuntime() {
        runtime.close();
    }

    @AfterEach
    void closePools() {
        pools.forEach(SessionPool::close);
    }

    SessionPool pool(PoolOptions options) {
        return track(builder(options).build());
    }

    SessionPoolBuilder builder(PoolOptions options) {
        return SessionPool.builder(factory)
                .name("test")
                .options(options)
                .ticker(ticker)
                .scheduler(scheduler)
                .executor(runtime.virtualThreads());
    }

    SessionPool track(SessionPool pool) {
        pools.add(pool);
        return pool;
    }

    static PoolKey key(String principal) {
        return PoolKey.of(PoolIdentity.of(principal), "github", "http");
    }

    static PoolOptions options() {
        return PoolOptions.defaults();
    }

    static PoolStats.KeyStats keyStats(SessionPool pool, PoolKey key) {
        return pool.stats().keys().stream()
                .filter(k -> k.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no key " + key + " in " + pool.stats()));
    }
}
