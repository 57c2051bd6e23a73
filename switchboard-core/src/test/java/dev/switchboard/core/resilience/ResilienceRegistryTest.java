package dev.switchboard.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.switchboard.core.config.BreakerSettings;
import dev.switchboard.core.config.BulkheadSettings;
import dev.switchboard.core.config.ServerSettings;
import dev.switchboard.mcp.transport.TransportException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ResilienceRegistryTest {
    private final FakeTime time = new FakeTime();
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final ResilienceRegistry registry = new ResilienceRegistry(
            new GuardEnvironment(time.clock(), time.scheduler(), Runnable::run, () -> 0.5), meters, RetrySettings.NONE);

    private static ServerSettings settings(int minimumCalls, int maxConcurrentCalls) {
        ServerSettings d = ServerSettings.DEFAULTS;
        return new ServerSettings(
                d.enabled(),
                d.eager(),
                d.timeouts(),
                d.sessionMode(),
                d.pool(),
                new BreakerSettings(100, minimumCalls, Duration.ofSeconds(30), 1),
                new BulkheadSettings(maxConcurrentCalls),
                d.tools(),
                d.prefix());
    }

    private static void failOnce(ServerGuard guard) {
        guard.call(CallKind.TOOL_CALL, () -> CompletableFuture.<String>failedFuture(new TransportException("down")));
    }

    @Test
    void keepsOneGuardPerServerWhileItsSettingsStayTheSame() {
        ServerGuard first = registry.guard("github", settings(2, 5));

        assertThat(registry.guard("github", settings(2, 5))).isSameAs(first);
        assertThat(registry.guard("slack", settings(2, 5))).isNotSameAs(first);
        assertThat(registry.find("github")).containsSame(first);
        assertThat(registry.find("nope")).isEmpty();
    }

    @Test
    void replacesAGuardWhoseSettingsChangedWithAClosedOne() {
        ServerGuard old = registry.guard("github", settings(1, 5));
        failOnce(old);
        assertThat(old.status().state()).isEqualTo(BreakerState.OPEN);

        ServerGuard changed = registry.guard("github", settings(1, 7));

        assertThat(changed).isNotSameAs(old);
        assertThat(changed.status().state()).isEqualTo(BreakerState.CLOSED);
        assertThat(changed.status().maxConcurrentCalls()).isEqualTo(7);
        assertThat(meters.get(ResilienceMeters.BREAKER_STATE).gauges()).singleElement();
        assertThat(meters.get(ResilienceMeters.BREAKER_STATE).gauge().value()).isZero();
        assertThat(time.pendingTasks()).as("the old guard's half-open timer").isZero();
    }

    @Test
    void showsAndResetsABreakerByName() {
        ServerGuard guard = registry.guard("github", settings(1, 5));
        failOnce(guard);

        assertThat(registry.state("github")).hasValueSatisfying(s -> {
            assertThat(s.server()).isEqualTo("github");
            assertThat(s.state()).isEqualTo(BreakerState.OPEN);
            assertThat(s.failureRate()).isEqualTo(100.0f);
            assertThat(s.failedCalls()).isEqualTo(1);
            assertThat(s.halfOpenAt()).isEqualTo(time.now().plusSeconds(30));
        });
        assertThat(registry.reset("github")).isTrue();
        assertThat(registry.state("github"))
                .hasValueSatisfying(s -> assertThat(s.state()).isEqualTo(BreakerState.CLOSED));
        assertThat(registry.reset("nope")).isFalse();
        assertThat(registry.state("nope")).isEmpty();
    }

    @Test
    void snapshotListsEveryServerByName() {
        registry.guard("slack", settings(2, 5));
        registry.guard("github", settings(1, 5));
        failOnce(registry.guard("github", settings(1, 5)));

        assertThat(registry.snapshot())
                .extracting(BreakerStatus::server, BreakerStatus::state)
                .containsExactly(tuple("github", BreakerState.OPEN), tuple("slack", BreakerState.CLOSED));
    }

    @Test
    void publishesStateCallsAndBulkheadMetricsTaggedWithTheServer() {
        ServerGuard guard = registry.guard("github", settings(1, 5));
        CompletableFuture<String> inFlight = new CompletableFuture<>();
        guard.call(CallKind.TOOL_CALL, () -> CompletableFuture.completedFuture("ok"));
        guard.call(CallKind.TOOL_CALL, () -> inFlight);

        assertThat(meters.get(ResilienceMeters.BULKHEAD_AVAILABLE)
                        .tags(Tags.of(ResilienceMeters.TAG_SERVER, "github"))
                        .gauge()
                        .value())
                .isEqualTo(4.0);
        inFlight.completeExceptionally(new TransportException("down"));
        guard.call(CallKind.TOOL_CALL, () -> CompletableFuture.completedFuture("never sent"));

        assertThat(calls("success")).isEqualTo(1.0);
        assertThat(calls("failure")).isEqualTo(1.0);
        assertThat(calls("circuit_open")).isEqualTo(1.0);
        assertThat(calls("busy")).isZero();
        assertThat(meters.get(ResilienceMeters.BREAKER_STATE).gauge().value()).isEqualTo(1.0);
        assertThat(meters.get(ResilienceMeters.BREAKER_FAILURE_RATE).gauge().value())
                .isEqualTo(100.0);
        assertThat(meters.get(ResilienceMeters.BULKHEAD_AVAILABLE).gauge().value())
                .isEqualTo(5.0);
        assertThat(meters.getMeters())
                .allSatisfy(m -> assertThat(m.getId().getTags())
                        .extracting(Tag::getKey)
                        .isSubsetOf(ResilienceMeters.TAG_SERVER, ResilienceMeters.TAG_OUTCOME));
    }

    private double calls(String outcome) {
        return meters.get(ResilienceMeters.CALLS)
                .tags(ResilienceMeters.TAG_SERVER, "github", ResilienceMeters.TAG_OUTCOME, outcome)
                .functionCounter()
                .count();
    }

    @Test
    void removingAServerDropsItsGuardAndItsMetrics() {
        registry.guard("github", settings(1, 5));
        registry.guard("slack", settings(1, 5));

        assertThat(registry.remove("github")).isTrue();

        assertThat(registry.find("github")).isEmpty();
        assertThat(registry.remove("github")).isFalse();
        assertThat(meters.getMeters())
                .isNotEmpty()
                .allSatisfy(m -> assertThat(m.getId().getTag(ResilienceMeters.TAG_SERVER))
                        .isEqualTo("slack"));
    }
}
