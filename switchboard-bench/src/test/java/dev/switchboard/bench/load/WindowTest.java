package dev.switchboard.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WindowTest {
    private static final long START = 1_000_000_000L;

    @Test
    void separatesTheWarmupFromTheMeasurementAndEndsAfterIt() {
        Window w = Window.startingAt(START, Duration.ofSeconds(1), Duration.ofSeconds(2), 10);

        assertThat(w.measured(START + 999_999_999L)).isFalse();
        assertThat(w.measured(START + 1_000_000_000L)).isTrue();
        assertThat(w.over(START + 2_999_999_999L)).isFalse();
        assertThat(w.over(START + 3_000_000_000L)).isTrue();
    }

    @Test
    void givesEachPhaseItsOwnCallBudget() {
        Window w = Window.startingAt(START, Duration.ofSeconds(1), Duration.ofSeconds(1), 2);
        long warm = START;
        long measured = START + 1_000_000_000L;

        assertThat(w.take(warm)).isTrue();
        assertThat(w.take(warm)).isTrue();
        assertThat(w.take(warm)).isFalse();
        assertThat(w.take(measured)).isTrue();
        assertThat(w.measureBudgetSpent()).isFalse();
        assertThat(w.take(measured)).isTrue();
        assertThat(w.take(measured)).isFalse();
        assertThat(w.measureBudgetSpent()).isTrue();
    }
}
