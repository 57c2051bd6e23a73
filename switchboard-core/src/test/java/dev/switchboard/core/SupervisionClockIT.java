package dev.switchboard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.core.config.BreakerSettings;
import dev.switchboard.core.config.BulkheadSettings;
import dev.switchboard.core.config.GatewayConfig;
import dev.switchboard.core.config.GatewaySettings;
import dev.switchboard.core.config.PoolSettings;
import dev.switchboard.core.config.ServerSettings;
import dev.switchboard.core.config.SessionMode;
import dev.switchboard.core.config.StdioServerConfig;
import dev.switchboard.core.config.Timeouts;
import dev.switchboard.core.config.ToolFilter;
import dev.switchboard.core.lifecycle.ServerState;
import dev.switchboard.core.lifecycle.ServerStatus;
import dev.switchboard.core.lifecycle.SupervisionSettings;
import dev.switchboard.mcp.demo.DemoServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The builder's clock reaches the supervisors: the statuses carry its time, and a crash after the
 * clock has moved past the stable uptime starts the backoff again from the first step.
 */
class SupervisionClockIT {
    private static final Duration STABLE = Duration.ofMinutes(1);

    private final TestClock clock = new TestClock();
    private final String marker = "-Dswitchboard.test.marker=" + UUID.randomUUID();

    @Test
    void aCrashAfterSustainedUptimeOnTheBuildersClockCountsAsTheFirstFailure() {
        try (Switchboard switchboard = Switchboard.builder()
                .config(GatewayConfig.of(GatewaySettings.DEFAULTS, List.of(demo())))
                .clock(clock)
                .supervision(SupervisionSettings.DEFAULTS
                        .withBackoff(Duration.ofMillis(50), Duration.ofMillis(200))
                        .withStableUptime(STABLE))
                .build()) {
            ServerInfo ready = switchboard.connect("demo", Duration.ofSeconds(60));
            assertThat(ready.state()).isEqualTo(ServerState.READY);
            assertThat(ready.status().lastSuccess()).isEqualTo(clock.instant());

            kill();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> status(switchboard).retryCount() == 1);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> status(switchboard).state() == ServerState.READY);
            assertThat(status(switchboard).retryCount()).as("not forgiven yet").isEqualTo(1);

            clock.advance(STABLE);
            assertThat(status(switchboard).retryCount())
                    .as("forgiven after the stable uptime")
                    .isZero();

            Instant firstLoss = status(switchboard).errorAt();
            kill();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> !Objects.equals(firstLoss, status(switchboard).errorAt()));
            assertThat(status(switchboard).retryCount())
                    .as("a first failure again, not a second")
                    .isEqualTo(1);
        }
    }

    private static ServerStatus status(Switchboard switchboard) {
        return switchboard.server("demo").orElseThrow().status();
    }

    /** Kills the demo process this test started, found by the marker on its command line. */
    private void kill() {
        ProcessHandle.current()
                .descendants()
                .filter(p -> p.info().commandLine().orElse("").contains(marker))
                .filter(ProcessHandle::isAlive)
                .findFirst()
                .orElseThrow()
                .destroyForcibly();
    }

    private StdioServerConfig demo() {
        Timeouts jvm = new Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(10));
        ServerSettings settings = new ServerSettings(
                true,
                false,
                jvm,
                SessionMode.SHARED,
                PoolSettings.DEFAULTS,
                BreakerSettings.DEFAULTS,
                BulkheadSettings.DEFAULTS,
                ToolFilter.ALL,
                true);
        return new StdioServerConfig(
                "demo",
                ProcessHandle.current().info().command().orElse("java"),
                List.of(
                        marker,
                        "-Xshare:auto",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        DemoServer.class.getName()),
                Map.of(),
                null,
                false,
                settings);
    }

    /** A clock that moves only when the test moves it. Thread-safe. */
    private static final class TestClock extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2025-01-01T00:00:00Z"));

        void advance(Duration d) {
            now.updateAndGet(i -> i.plus(d));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
