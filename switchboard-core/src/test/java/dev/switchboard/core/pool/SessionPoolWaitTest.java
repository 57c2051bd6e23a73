package dev.switchboard.core.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.mcp.client.McpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The limit of sessions per key: waiting for one, timing out, and never creating more. */
class SessionPoolWaitTest extends PoolTestSupport {

    @Test
    void createsUpToTheMaximumPerKeyThenLendsTheFirstSessionGivenBack() {
        SessionPool pool = pool(options().withMaxPerKey(2));
        SessionLease one = pool.acquire(key("alice"));
        SessionLease two = pool.acquire(key("alice"));
        CompletableFuture<SessionLease> third =
                CompletableFuture.supplyAsync(() -> pool.acquire(key("alice")), runtime.virtualThreads());
        await().atMost(WAIT).until(() -> keyStats(pool, key("alice")).waiters() == 1);

        McpClient returned = two.client();
        two.close();

        assertThat(third)
                .succeedsWithin(WAIT)
                .satisfies(lease -> assertThat(lease.client()).isSameAs(returned));
        assertThat(factory.created()).isEqualTo(2);
        assertThat(keyStats(pool, key("alice"))).isEqualTo(new PoolStats.KeyStats(key("alice"), 0, 2, 2, 0));
        one.close();
    }

    @Test
    void timesOutWithTheKeysNumbersWhenEverySessionIsLent() {
        SessionPool pool = pool(options().withMaxPerKey(1).withAcquireTimeout(Duration.ofMillis(100)));
        PoolKey alice = key("alice");
        SessionLease held = pool.acquire(alice);

        assertThatThrownBy(() -> pool.acquire(alice))
                .isInstanceOfSatisfying(PoolTimeoutException.class, e -> {
                    assertThat(e.key()).isEqualTo(alice);
                    assertThat(e.timeout()).isEqualTo(Duration.ofMillis(100));
                    assertThat(List.of(e.active(), e.idle(), e.max(), e.waiters()))
                            .containsExactly(1, 0, 1, 0);
                })
                .hasMessage("session pool: no session for " + alice + " within 100 ms (active: 1, idle: 0, max: 1,"
                        + " waiters: 0)");
        assertThat(pool.stats().acquireTimeouts()).isEqualTo(1);
        held.close();
    }

    @Test
    void concurrentAcquiresNeverCreateMoreThanTheMaximum() {
        SessionPool pool = pool(options().withMaxPerKey(3));
        AtomicInteger lent = new AtomicInteger();
        AtomicInteger mostLent = new AtomicInteger();
        List<CompletableFuture<Void>> callers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            callers.add(CompletableFuture.runAsync(
                    () -> {
                        for (int n = 0; n < 50; n++) {
                            try (SessionLease lease = pool.acquire(key("alice"))) {
                                mostLent.accumulateAndGet(lent.incrementAndGet(), Math::max);
                                lease.client().ping();
                                lent.decrementAndGet();
                            }
                        }
                    },
                    runtime.virtualThreads()));
        }

        assertThat(CompletableFuture.allOf(callers.toArray(CompletableFuture[]::new)))
                .succeedsWithin(WAIT);
        assertThat(factory.calls.get()).isLessThanOrEqualTo(3);
        assertThat(mostLent.get()).isLessThanOrEqualTo(3);
        PoolStats stats = pool.stats();
        assertThat(stats.hits() + stats.misses()).isEqualTo(16 * 50);
        assertThat(stats.keys().get(0).active()).isZero();
    }

    @Test
    void aWaiterGetsANewSessionWhenTheLentOneIsInvalidated() {
        SessionPool pool = pool(options().withMaxPerKey(1));
        SessionLease broken = pool.acquire(key("alice"));
        McpClient brokenClient = broken.client();
        CompletableFuture<SessionLease> waiter =
                CompletableFuture.supplyAsync(() -> pool.acquire(key("alice")), runtime.virtualThreads());
        await().atMost(WAIT).until(() -> keyStats(pool, key("alice")).waiters() == 1);

        broken.invalidate();

        assertThat(waiter).succeedsWithin(WAIT).satisfies(lease -> {
            assertThat(lease.client()).isNotSameAs(brokenClient);
            lease.close();
        });
        assertThat(factory.created()).isEqualTo(2);
    }

    @Test
    void stopsWaitingWhenInterruptedAndKeepsTheInterrupt() throws InterruptedException {
        SessionPool pool = pool(options().withMaxPerKey(1).withAcquireTimeout(Duration.ofMinutes(1)));
        SessionLease held = pool.acquire(key("alice"));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
        Thread waiter = Thread.ofVirtual().start(() -> {
            try {
                pool.acquire(key("alice")).close();
            } catch (PoolException e) {
                failure.set(e);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        await().atMost(WAIT).until(() -> keyStats(pool, key("alice")).waiters() == 1);

        waiter.interrupt();
        waiter.join(WAIT);

        assertThat(failure.get())
                .isInstanceOf(PoolException.class)
                .hasMessage("session pool: interrupted waiting for a session for " + key("alice"));
        assertThat(stillInterrupted.get()).isTrue();
        assertThat(keyStats(pool, key("alice"))).isEqualTo(new PoolStats.KeyStats(key("alice"), 0, 1, 1, 0));
        held.close();
    }
}
