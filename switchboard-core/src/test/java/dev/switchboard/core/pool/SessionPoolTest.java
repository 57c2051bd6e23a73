package dev.switchboard.core.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.mcp.client.McpClient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Lending, reuse, isolation, creation, TTL, broken sessions and close, with a fake factory. */
class SessionPoolTest extends PoolTestSupport {

    @Test
    void lendsTheSameSessionAgainToTheSameIdentity() {
        SessionPool pool = pool(options());
        McpClient first;
        try (SessionLease lease = pool.acquire(key("alice"))) {
            first = lease.client();
        }
        try (SessionLease lease = pool.acquire(key("alice"))) {
            assertThat(lease.client()).isSameAs(first);
        }
        assertThat(factory.created()).isEqualTo(1);
        assertThat(pool.stats().hits()).isEqualTo(1);
        assertThat(pool.stats().misses()).isEqualTo(1);
    }

    @Test
    void neverLendsOneIdentitysSessionToAnother() {
        SessionPool pool = pool(options());
        PoolKey alice = key("alice");
        PoolKey bob = key("bob");
        PoolKey aliceOtherToken =
                PoolKey.of(PoolIdentity.of("alice", Map.of("Authorization", "Bearer 2")), "github", "http");
        PoolKey bobSameToken =
                PoolKey.of(PoolIdentity.of("bob", Map.of("Authorization", "Bearer 2")), "github", "http");
        PoolKey aliceOtherTransport = PoolKey.of(PoolIdentity.of("alice"), "github", "sse");
        List<McpClient> clients = new ArrayList<>();
        for (PoolKey key : List.of(alice, bob, aliceOtherToken, bobSameToken, aliceOtherTransport)) {
            // each released before the next is acquired, so an idle session would be there to share
            try (SessionLease lease = pool.acquire(key)) {
                clients.add(lease.client());
            }
        }

        assertThat(clients).doesNotHaveDuplicates();
        assertThat(factory.created()).isEqualTo(5);
        assertThat(pool.stats().keyCount()).isEqualTo(5);
    }

    @Test
    void failsACreationThatTakesTooLongAndClosesTheLateSession() {
        SessionPool pool = pool(options().withMaxPerKey(1).withCreateTimeout(Duration.ofMillis(100)));
        PoolKey alice = key("alice");
        factory.gate = new CountDownLatch(1);
        factory.gateIgnoresInterrupts = true;

        assertThatThrownBy(() -> pool.acquire(alice))
                .isInstanceOfSatisfying(
                        SessionCreationException.class,
                        e -> assertThat(e.timedOut()).isTrue())
                .hasMessage("session pool: creating a session for " + alice
                        + " took longer than the create timeout of 100 ms");
        // the factory call still runs, and still holds the key's only slot
        assertThat(keyStats(pool, alice).active()).isEqualTo(1);
        await().atMost(WAIT).untilTrue(factory.interrupted);

        factory.gate.countDown();
        await().atMost(WAIT).until(() -> factory.created() == 1 && factory.open() == 0);
        await().atMost(WAIT).until(() -> keyStats(pool, alice).active() == 0);
        factory.gate = null;
        try (SessionLease lease = pool.acquire(alice)) {
            assertThat(factory.transportOf(lease.client()).isClosed()).isFalse();
        }
        assertThat(pool.stats().creationFailures()).isEqualTo(1);
    }

    @Test
    void interruptsAFactoryCallThatTookTooLongAndFreesItsSlot() {
        SessionPool pool = pool(options().withMaxPerKey(1).withCreateTimeout(Duration.ofMillis(100)));
        factory.gate = new CountDownLatch(1);

        assertThatThrownBy(() -> pool.acquire(key("alice"))).isInstanceOf(SessionCreationException.class);

        await().atMost(WAIT)
                .until(() -> factory.interrupted.get()
                        && keyStats(pool, key("alice")).active() == 0);
        assertThat(factory.created()).isZero();
    }

    @Test
    void namesTheFactorysFailureAndFreesTheSlot() {
        SessionPool pool = pool(options().withMaxPerKey(1));
        IOException refused = new IOException("connection refused");
        factory.failure = refused;

        assertThatThrownBy(() -> pool.acquire(key("alice")))
                .isInstanceOfSatisfying(SessionCreationException.class, e -> {
                    assertThat(e.timedOut()).isFalse();
                    assertThat(e.key()).isEqualTo(key("alice"));
                })
                .hasMessage("session pool: cannot create a session for " + key("alice") + ": connection refused")
                .hasCause(refused);

        factory.failure = null;
        try (SessionLease lease = pool.acquire(key("alice"))) {
            assertThat(lease.client().session().isOpen()).isTrue();
        }
        assertThat(pool.stats().creationFailures()).isEqualTo(1);
    }

    @Test
    void closesASessionOlderThanTheTtlInsteadOfLendingIt() {
        SessionPool pool = pool(options().withTtl(Duration.ofMinutes(5)));
        McpClient old;
        try (SessionLease lease = pool.acquire(key("alice"))) {
            old = lease.client();
        }
        ticker.advance(Duration.ofMinutes(5));

        try (SessionLease lease = pool.acquire(key("alice"))) {
            assertThat(lease.client()).isNotSameAs(old);
        }
        await().atMost(WAIT).until(() -> factory.transportOf(old).isClosed());
        assertThat(pool.stats().evictions()).isEqualTo(1);
        assertThat(pool.stats().misses()).isEqualTo(2);
    }

    @Test
    void closesASessionThatExpiredWhileLentWhenItIsGivenBack() {
        SessionPool pool = pool(options().withTtl(Duration.ofMinutes(5)));
        SessionLease lease = pool.acquire(key("alice"));
        ticker.advance(Duration.ofMinutes(6));

        lease.close();

        await().atMost(WAIT).until(() -> factory.open() == 0);
        assertThat(keyStats(pool, key("alice"))).isEqualTo(new PoolStats.KeyStats(key("alice"), 0, 0, 10, 0));
        assertThat(pool.stats().evictions()).isEqualTo(1);
    }

    @Test
    void closesAnInvalidatedSessionAndLendsANewOneNext() {
        SessionPool pool = pool(options().withMaxPerKey(1));
        SessionLease broken = pool.acquire(key("alice"));
        McpClient brokenClient = broken.client();

        broken.invalidate();
        broken.close();

        try (SessionLease lease = pool.acquire(key("alice"))) {
            assertThat(lease.client()).isNotSameAs(brokenClient);
        }
        await().atMost(WAIT).until(() -> factory.transportOf(brokenClient).isClosed());
        assertThat(pool.stats().invalidations()).isEqualTo(1);
    }

    @Test
    void neverLendsASessionWhoseMcpSessionClosed() {
        SessionPool pool = pool(options());
        McpClient died;
        try (SessionLease lease = pool.acquire(key("alice"))) {
            died = lease.client();
        }

        factory.transportOf(died).kill();

        assertThat(died.session().isOpen()).isFalse();
        assertThat(keyStats(pool, key("alice")).available()).isZero();
        try (SessionLease lease = pool.acquire(key("alice"))) {
            assertThat(lease.client()).isNotSameAs(died);
            assertThat(lease.client().session().isOpen()).isTrue();
        }
        assertThat(pool.stats().evictions()).isEqualTo(1);
    }

    @Test
    void dropsASessionThatClosedWhileLentWhenItIsGivenBack() {
        SessionPool pool = pool(options());
        SessionLease lease = pool.acquire(key("alice"));
        factory.transportOf(lease.client()).kill();

        lease.close();

        assertThat(keyStats(pool, key("alice"))).isEqualTo(new PoolStats.KeyStats(key("alice"), 0, 0, 10, 0));
        assertThat(pool.stats().evictions()).isEqualTo(1);
    }

    @Test
    void releasesALeaseOnlyOnce() {
        SessionPool pool = pool(options());
        SessionLease lease = pool.acquire(key("alice"));

        lease.close();
        lease.close();
        lease.invalidate();

        assertThat(keyStats(pool, key("alice"))).isEqualTo(new PoolStats.KeyStats(key("alice"), 1, 0, 10, 0));
        assertThat(pool.stats().invalidations()).isZero();
        assertThatThrownBy(lease::client)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("lease of " + key("alice") + " was already released");
    }

    @Test
    void closeClosesEverySessionAndFailsWaitersAtOnce() {
        SessionPool pool = pool(options().withMaxPerKey(1).withAcquireTimeout(Duration.ofMinutes(1)));
        SessionLease held = pool.acquire(key("alice"));
        try (SessionLease idle = pool.acquire(key("bob"))) {
            assertThat(idle.client().session().isOpen()).isTrue();
        }
        CompletableFuture<SessionLease> waiter =
                CompletableFuture.supplyAsync(() -> pool.acquire(key("alice")), runtime.virtualThreads());
        await().atMost(WAIT).until(() -> keyStats(pool, key("alice")).waiters() == 1);

        pool.close();

        assertThat(waiter)
                .failsWithin(WAIT)
                .withThrowableThat()
                .havingCause()
                .isInstanceOf(PoolException.class)
                .withMessage("session pool is closed: no session for " + key("alice"));
        assertThat(factory.open()).isZero();
        held.close();
        assertThatThrownBy(() -> pool.acquire(key("alice")))
                .isInstanceOf(PoolException.class)
                .hasMessage("session pool is closed: no session for " + key("alice"));
        assertThat(pool).hasToString("SessionPool[test, closed, keys=0]");
    }

    @Test
    void closeFailsACallerWaitingForACreationAndClosesTheLateSession() {
        SessionPool pool = pool(options());
        factory.gate = new CountDownLatch(1);
        factory.gateIgnoresInterrupts = true;
        CompletableFuture<SessionLease> caller =
                CompletableFuture.supplyAsync(() -> pool.acquire(key("alice")), runtime.virtualThreads());
        await().atMost(WAIT).until(() -> factory.inFactory.get() == 1);

        pool.close();

        assertThat(caller)
                .failsWithin(WAIT)
                .withThrowableThat()
                .havingCause()
                .isInstanceOf(PoolException.class)
                .withMessage("session pool test is closed");
        factory.gate.countDown();
        await().atMost(WAIT).until(() -> factory.created() == 1 && factory.open() == 0);
    }
}
