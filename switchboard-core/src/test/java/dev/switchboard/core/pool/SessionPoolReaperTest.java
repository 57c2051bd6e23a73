package dev.switchboard.core.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.mcp.client.McpClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The background reaper: expired and long-idle sessions closed, unused keys dropped. */
class SessionPoolReaperTest extends PoolTestSupport {
    private final PoolOptions options = options()
            .withTtl(Duration.ofMinutes(5))
            .withIdleEviction(Duration.ofMinutes(10))
            .withReaperInterval(Duration.ofSeconds(30));

    private McpClient useOnce(SessionPool pool, PoolKey key) {
        try (SessionLease lease = pool.acquire(key)) {
            return lease.client();
        }
    }

    @Test
    void runsOnTheInjectedSchedulerEveryReaperInterval() {
        SessionPool pool = pool(options);

        assertThat(scheduler.periodic())
                .singleElement()
                .satisfies(p -> assertThat(p.delay()).isEqualTo(Duration.ofSeconds(30)));
        pool.close();
        assertThat(scheduler.periodic().get(0).future().isCancelled()).isTrue();
    }

    @Test
    void closesIdleSessionsOlderThanTheTtl() {
        SessionPool pool = pool(options);
        McpClient client = useOnce(pool, key("alice"));
        ticker.advance(Duration.ofMinutes(5));

        scheduler.runPeriodicTasks();

        await().atMost(WAIT).until(() -> factory.transportOf(client).isClosed());
        assertThat(pool.stats().sessionsReaped()).isEqualTo(1);
        assertThat(keyStats(pool, key("alice")).available()).isZero();
    }

    @Test
    void keepsYoungSessionsAndKeysInUse() {
        SessionPool pool = pool(options);
        useOnce(pool, key("alice"));
        SessionLease held = pool.acquire(key("bob"));
        ticker.advance(Duration.ofMinutes(4));

        scheduler.runPeriodicTasks();

        assertThat(pool.stats().sessionsReaped()).isZero();
        assertThat(pool.stats().keyCount()).isEqualTo(2);
        held.close();
    }

    @Test
    void closesSessionsIdleLongerThanTheIdleEvictionAndDropsTheirKey() {
        SessionPool pool = pool(options.withTtl(Duration.ofHours(1)));
        McpClient client = useOnce(pool, key("alice"));
        ticker.advance(Duration.ofMinutes(10));

        scheduler.runPeriodicTasks();

        await().atMost(WAIT).until(() -> factory.transportOf(client).isClosed());
        PoolStats stats = pool.stats();
        assertThat(stats.sessionsReaped()).isEqualTo(1);
        assertThat(stats.keysEvicted()).isEqualTo(1);
        assertThat(stats.keyCount()).isZero();
    }

    @Test
    void neverDropsAKeyWithALentSession() {
        SessionPool pool = pool(options.withTtl(Duration.ofHours(1)));
        SessionLease held = pool.acquire(key("alice"));
        ticker.advance(Duration.ofMinutes(30));

        scheduler.runPeriodicTasks();

        assertThat(pool.stats().keysEvicted()).isZero();
        assertThat(keyStats(pool, key("alice")).active()).isEqualTo(1);
        held.close();
    }

    @Test
    void createsTheKeyAgainAfterItWasDropped() {
        SessionPool pool = pool(options);
        McpClient first = useOnce(pool, key("alice"));
        ticker.advance(Duration.ofMinutes(10));
        scheduler.runPeriodicTasks();

        McpClient second = useOnce(pool, key("alice"));

        assertThat(second).isNotSameAs(first);
        assertThat(pool.stats().keyCount()).isEqualTo(1);
        assertThat(keyStats(pool, key("alice")).available()).isEqualTo(1);
    }
}
