package dev.switchboard.core.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.mcp.client.McpClient;
import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.protocol.McpMethods;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The health-check chain run on a session that sat idle before it is lent again. */
class SessionPoolHealthCheckTest extends PoolTestSupport {
    private static final Duration IDLE = Duration.ofSeconds(60);

    private McpClient idleSession(SessionPool pool) {
        try (SessionLease lease = pool.acquire(key("alice"))) {
            return lease.client();
        }
    }

    private FakeTransport transport(McpClient client) {
        return factory.transportOf(client);
    }

    @Test
    void lendsARecentlyUsedSessionWithoutCheckingIt() {
        SessionPool pool = pool(options());
        McpClient client = idleSession(pool);
        ticker.advance(IDLE.minusSeconds(1));

        try (SessionLease lease = pool.acquire(key("alice"))) {
            assertThat(lease.client()).isSameAs(client);
        }
        assertThat(transport(client).requestsAfterHandshake()).isEmpty();
    }

    @Test
    void pingsASessionThatSatIdleBeforeLendingIt() {
        SessionPool pool = pool(options());
        McpClient client = idleSession(pool);
        ticker.advance(IDLE);

        try (SessionLease lease = pool.acquire(key("alice"))) {
            assertThat(lease.client()).isSameAs(client);
        }
        assertThat(transport(client).requestsAfterHandshake()).containsExactly(McpMethods.PING);
        assertThat(pool.stats().hits()).isEqualTo(1);
    }

    @Test
    void movesOnToToolsListWhenPingIsMethodNotFound() {
        SessionPool pool = pool(options());
        factory.script = t -> t.answerError(McpMethods.PING, JsonRpcError.METHOD_NOT_FOUND);
        McpClient client = idleSession(pool);
        ticker.advance(IDLE);

        try (SessionLease lease = pool.acquire(key("alice"))) {
            assertThat(lease.client()).isSameAs(client);
        }
        assertThat(transport(client).requestsAfterHandshake()).containsExactly(McpMethods.PING, McpMethods.TOOLS_LIST);
        assertThat(pool.stats().healthCheckFailures()).isZero();
    }

    @Test
    void movesOnWhenAStepGetsNoAnswerInTime() {
        SessionPool pool = pool(options()
                .withHealthChecks(List.of(HealthCheck.PING, HealthCheck.LIST_PROMPTS), IDLE, Duration.ofMillis(50)));
        factory.script = t -> t.silence(McpMethods.PING);
        McpClient client = idleSession(pool);
        ticker.advance(IDLE);

        try (SessionLease lease = pool.acquire(key("alice"))) {
            assertThat(lease.client()).isSameAs(client);
        }
        assertThat(transport(client).requestsAfterHandshake())
                .containsExactly(McpMethods.PING, McpMethods.PROMPTS_LIST);
    }

    @Test
    void closesASessionWhenEveryStepIsUnsupportedAndCreatesAnother() {
        SessionPool pool = pool(options());
        factory.script = t -> t.answerError(McpMethods.PING, JsonRpcError.METHOD_NOT_FOUND)
                .answerError(McpMethods.TOOLS_LIST, JsonRpcError.METHOD_NOT_FOUND);
        McpClient client = idleSession(pool);
        ticker.advance(IDLE);

        try (SessionLease lease = pool.acquire(key("alice"))) {
            assertThat(lease.client()).isNotSameAs(client);
        }
        assertThat(transport(client).requestsAfterHandshake()).containsExactly(McpMethods.PING, McpMethods.TOOLS_LIST);
        PoolStats stats = pool.stats();
        assertThat(List.of(stats.healthCheckFailures(), stats.evictions(), stats.misses(), stats.hits()))
                .containsExactly(1L, 1L, 2L, 0L);
    }

    @Test
    void acceptsASessionThatAnsweredWhenTheChainEndsWithSkip() {
        SessionPool pool = pool(
                options().withHealthChecks(List.of(HealthCheck.PING, HealthCheck.SKIP), IDLE, Duration.ofSeconds(5)));
        factory.script = t -> t.answerError(McpMethods.PING, JsonRpcError.METHOD_NOT_FOUND);
        McpClient client = idleSession(pool);
        ticker.advance(IDLE);

        try (SessionLease lease = pool.acquire(key("alice"))) {
            assertThat(lease.client()).isSameAs(client);
        }
        assertThat(transport(client).requestsAfterHandshake()).containsExactly(McpMethods.PING);
    }

    @Test
    void failsAtOnceOnAnErrorOtherThanMethodNotFound() {
        SessionPool pool = pool(options());
        factory.script = t -> t.answerError(McpMethods.PING, JsonRpcError.INTERNAL_ERROR);
        McpClient client = idleSession(pool);
        ticker.advance(IDLE);

        try (SessionLease lease = pool.acquire(key("alice"))) {
            assertThat(lease.client()).isNotSameAs(client);
        }
        assertThat(transport(client).requestsAfterHandshake()).containsExactly(McpMethods.PING);
        assertThat(pool.stats().healthCheckFailures()).isEqualTo(1);
    }

    @Test
    void triesTheNextIdleSessionWhenTheFirstFailsItsCheck() {
        SessionPool pool = pool(options().withMaxPerKey(2));
        SessionLease first = pool.acquire(key("alice"));
        SessionLease second = pool.acquire(key("alice"));
        McpClient older = first.client();
        McpClient newer = second.client();
        first.close();
        second.close();
        ticker.advance(IDLE);
        // the most recently returned session is lent first; make it fail its check
        transport(newer).answerError(McpMethods.PING, JsonRpcError.INTERNAL_ERROR);

        try (SessionLease lease = pool.acquire(key("alice"))) {
            assertThat(lease.client()).isSameAs(older);
        }
        assertThat(factory.created()).isEqualTo(2);
        assertThat(pool.stats().healthCheckFailures()).isEqualTo(1);
    }
}
