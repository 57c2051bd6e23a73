package dev.switchboard.core.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The pool's numbers: the {@link PoolStats} snapshot and the Micrometer meters. */
class SessionPoolMetricsTest extends PoolTestSupport {
    private final MeterRegistry registry = new SimpleMeterRegistry();

    private SessionPool meteredPool(PoolOptions options) {
        return track(builder(options).meterRegistry(registry).build());
    }

    @Test
    void reportsHitsMissesHitRateAndEachKeysSessions() {
        SessionPool pool = pool(options().withMaxPerKey(4));
        pool.acquire(key("alice")).close();
        pool.acquire(key("alice")).close();
        pool.acquire(key("alice")).close();
        SessionLease held = pool.acquire(key("bob"));

        PoolStats stats = pool.stats();

        assertThat(stats.hits()).isEqualTo(2);
        assertThat(stats.misses()).isEqualTo(2);
        assertThat(stats.hitRate()).isEqualTo(0.5);
        assertThat(stats.keys())
                .containsExactlyInAnyOrder(
                        new PoolStats.KeyStats(key("alice"), 1, 0, 4, 0),
                        new PoolStats.KeyStats(key("bob"), 0, 1, 4, 0));
        held.close();
    }

    @Test
    void reportsAHitRateOfZeroBeforeTheFirstAcquisition() {
        assertThat(pool(options()).stats().hitRate()).isZero();
    }

    @Test
    void registersCountersAndGaugesTaggedByServerOnly() {
        SessionPool pool = meteredPool(options().withMaxPerKey(3));
        pool.acquire(key("alice")).close();
        pool.acquire(key("alice")).close();
        SessionLease held = pool.acquire(
                PoolKey.of(PoolIdentity.of("bob", Map.of("Authorization", "Bearer s3cr3t")), "github", "http"));

        assertThat(counter(PoolMeters.HITS)).isEqualTo(1);
        assertThat(counter(PoolMeters.MISSES)).isEqualTo(2);
        assertThat(gauge(PoolMeters.SESSIONS, "idle")).isEqualTo(1);
        assertThat(gauge(PoolMeters.SESSIONS, "active")).isEqualTo(1);
        assertThat(registry.get(PoolMeters.KEYS).gauge().value()).isEqualTo(2);
        assertThat(registry.get(PoolMeters.MAX_PER_KEY).gauge().value()).isEqualTo(3);
        assertThat(registry.get(PoolMeters.HIT_RATE).gauge().value()).isEqualTo(1.0 / 3);
        Set<String> tagKeys = registry.getMeters().stream()
                .flatMap(m -> m.getId().getTags().stream())
                .map(Tag::getKey)
                .collect(Collectors.toSet());
        assertThat(tagKeys).containsExactlyInAnyOrder(PoolMeters.TAG_SERVER, PoolMeters.TAG_STATE);
        assertThat(registry.getMeters())
                .extracting(m -> m.getId().getTag(PoolMeters.TAG_SERVER))
                .containsOnly("github");
        held.close();
    }

    @Test
    void countsEveryKindOfEventOnItsMeter() {
        SessionPool pool = meteredPool(options().withMaxPerKey(1));
        SessionLease broken = pool.acquire(key("alice"));
        broken.invalidate();

        assertThat(counter(PoolMeters.INVALIDATIONS)).isEqualTo(1);
        assertThat(counter(PoolMeters.EVICTIONS)).isZero();
        assertThat(counter(PoolMeters.CREATION_FAILURES)).isZero();
        assertThat(counter(PoolMeters.ACQUIRE_TIMEOUTS)).isZero();
        assertThat(counter(PoolMeters.HEALTH_CHECK_FAILURES)).isZero();
        assertThat(counter(PoolMeters.KEYS_EVICTED)).isZero();
        assertThat(counter(PoolMeters.SESSIONS_REAPED)).isZero();
        assertThat(registry.get(PoolMeters.WAITERS).gauge().value()).isZero();
    }

    @Test
    void removesItsMetersWhenClosed() {
        SessionPool pool = meteredPool(options());
        pool.acquire(key("alice")).close();
        assertThat(registry.getMeters()).isNotEmpty();

        pool.close();

        assertThat(registry.getMeters()).extracting(Meter::getId).isEmpty();
    }

    @Test
    void aNewerPoolOfTheSameServerTakesTheMetersOverAndKeepsThemWhenTheOldOneCloses() {
        SessionPool old = meteredPool(options());
        old.acquire(key("alice")).close();
        old.acquire(key("alice")).close();
        SessionPool newer = meteredPool(options());
        newer.acquire(key("alice")).close();

        old.close();

        assertThat(counter(PoolMeters.MISSES)).isEqualTo(1);
        assertThat(counter(PoolMeters.HITS)).isZero();
        assertThat(gauge(PoolMeters.SESSIONS, "idle")).isEqualTo(1);
    }

    private double counter(String name) {
        return registry.get(name)
                .tag(PoolMeters.TAG_SERVER, "github")
                .functionCounter()
                .count();
    }

    private double gauge(String name, String state) {
        return registry.get(name)
                .tag(PoolMeters.TAG_SERVER, "github")
                .tag(PoolMeters.TAG_STATE, state)
                .gauge()
                .value();
    }
}
