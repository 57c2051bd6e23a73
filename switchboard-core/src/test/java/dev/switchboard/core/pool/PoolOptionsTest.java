package dev.switchboard.core.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.config.PoolSettings;
import dev.switchboard.mcp.McpRuntime;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pool's options and builder reject bad values at the call, with the expected form. */
class PoolOptionsTest {

    @Test
    void takesTheServersPoolSettingsAndDefaultsTheRest() {
        PoolSettings settings = new PoolSettings(
                3, Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofSeconds(3), Duration.ofSeconds(4));

        PoolOptions options = PoolOptions.from(settings);

        assertThat(options.maxPerKey()).isEqualTo(3);
        assertThat(options.ttl()).isEqualTo(Duration.ofMinutes(1));
        assertThat(options.idleEviction()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.acquireTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(options.createTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(options.healthChecks()).containsExactly(HealthCheck.PING, HealthCheck.LIST_TOOLS);
        assertThat(options.healthCheckAfterIdle()).isEqualTo(Duration.ofSeconds(60));
        assertThat(PoolOptions.from(PoolSettings.DEFAULTS).withReaperInterval(Duration.ofSeconds(60)))
                .isEqualTo(PoolOptions.defaults());
    }

    @Test
    void rejectsValuesOutOfRange() {
        PoolOptions d = PoolOptions.defaults();

        assertThatThrownBy(() -> d.withMaxPerKey(0)).hasMessage("maxPerKey: 0 (expected: at least 1)");
        assertThatThrownBy(() -> d.withTtl(Duration.ZERO)).hasMessage("ttl: PT0S (expected: a positive duration)");
        assertThatThrownBy(() -> d.withAcquireTimeout(Duration.ofSeconds(-1)))
                .hasMessage("acquireTimeout: PT-1S (expected: a positive duration)");
        assertThatThrownBy(() -> d.withHealthChecks(List.of(), Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .hasMessage("healthChecks: [] (expected: at least one check)");
        assertThatThrownBy(() -> d.withHealthChecks(
                        List.of(HealthCheck.SKIP, HealthCheck.PING), Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .hasMessage("healthChecks: [SKIP, PING] (expected: SKIP only as the last check)");
        assertThatThrownBy(() -> d.withCloseTimeout(Duration.ZERO))
                .hasMessage("closeTimeout: PT0S (expected: a positive duration)");
    }

    @Test
    void builderRejectsASecondValueAndAMissingScheduler() {
        SessionFactory factory = key -> {
            throw new UnsupportedOperationException();
        };
        Ticker ticker = () -> 0;

        assertThatThrownBy(() -> SessionPool.builder(factory).ticker(ticker).ticker(ticker))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("ticker was already set to ");
        assertThatThrownBy(() -> SessionPool.builder(factory).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("scheduler: not set (expected: set, or both set with runtime(McpRuntime))");
        try (McpRuntime runtime = new McpRuntime();
                SessionPool pool = SessionPool.builder(factory).runtime(runtime).build()) {
            assertThat(pool).hasToString("SessionPool[session-pool, open, keys=0]");
            assertThat(pool.options()).isEqualTo(PoolOptions.defaults());
        }
    }
}
