package dev.switchboard.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void backoffDoublesUpToItsCeilingAndJittersWithinTheUpperHalf() {
        RetrySettings settings = new RetrySettings(10, Duration.ofMillis(100), Duration.ofMillis(1000));

        assertThat(Backoff.delay(settings, 1, 0.0)).isEqualTo(Duration.ofMillis(50));
        assertThat(Backoff.delay(settings, 1, 0.999_999)).isBetween(Duration.ofMillis(99), Duration.ofMillis(100));
        assertThat(Backoff.delay(settings, 2, 0.0)).isEqualTo(Duration.ofMillis(100));
        assertThat(Backoff.delay(settings, 4, 1.0)).isEqualTo(Duration.ofMillis(800));
        assertThat(Backoff.delay(settings, 5, 1.0)).isEqualTo(Duration.ofMillis(1000));
        assertThat(Backoff.delay(settings, 10, 0.0)).isEqualTo(Duration.ofMillis(500));
        assertThat(Backoff.delay(settings, Integer.MAX_VALUE, 1.0)).isEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void rejectsRetrySettingsOutOfRange() {
        assertThatThrownBy(() -> new RetrySettings(11, Duration.ofMillis(1), Duration.ofMillis(1)))
                .hasMessage("maxRetries: 11 (expected: 0 to 10)");
        assertThatThrownBy(() -> new RetrySettings(1, Duration.ZERO, Duration.ofMillis(1)))
                .hasMessage("initialBackoff: PT0S (expected: a positive duration)");
        assertThatThrownBy(() -> new RetrySettings(1, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessage("maxBackoff: PT1S (expected: at least initialBackoff PT2S)");
    }
}
