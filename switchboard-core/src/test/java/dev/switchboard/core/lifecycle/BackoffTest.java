package dev.switchboard.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final Duration BASE = Duration.ofMillis(100);
    private static final Duration CEILING = Duration.ofSeconds(60);

    @Test
    void boundDoublesPerFailureUpToTheCeiling() {
        Backoff backoff = new Backoff(BASE, CEILING, TestServers.HIGHEST);

        assertThat(backoff.upperBound(1)).isEqualTo(BASE);
        assertThat(backoff.upperBound(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.upperBound(10)).isEqualTo(Duration.ofMillis(51_200));
        assertThat(backoff.upperBound(11)).isEqualTo(CEILING);
        assertThat(backoff.upperBound(Integer.MAX_VALUE)).isEqualTo(CEILING);
        assertThat(backoff.upperBound(0)).isEqualTo(BASE);
    }

    @Test
    void jitteredDelayNeverFallsBelowTheBaseNorRisesAboveTheBound() {
        Backoff backoff = new Backoff(BASE, CEILING, new SplittableRandom(42));

        for (int failures = 1; failures <= 40; failures++) {
            for (int draw = 0; draw < 50; draw++) {
                assertThat(backoff.delay(failures)).isBetween(BASE, backoff.upperBound(failures));
            }
        }
    }

    @Test
    void lowestDrawWaitsTheBaseAndHighestDrawWaitsAlmostTheBound() {
        assertThat(new Backoff(BASE, CEILING, () -> 0L).delay(8)).isEqualTo(BASE);
        assertThat(new Backoff(BASE, CEILING, TestServers.HIGHEST).delay(8))
                .isBetween(Duration.ofMillis(12_799), Duration.ofMillis(12_800));
    }

    @Test
    void delaysSpreadOverTheRange() {
        Backoff backoff = new Backoff(BASE, Duration.ofMillis(1600), new SplittableRandom(7));

        long distinct = java.util.stream.IntStream.range(0, 100)
                .mapToObj(i -> backoff.delay(5).toMillis() / 100)
                .distinct()
                .count();

        assertThat(distinct).isGreaterThan(10);
    }
}
