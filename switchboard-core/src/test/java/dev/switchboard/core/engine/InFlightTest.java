package dev.switchboard.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class InFlightTest {
    private final InFlight inFlight = new InFlight();

    @Test
    void drainReturnsAtOnceWhenNothingIsInFlight() {
        assertThat(inFlight.drain(Duration.ofMinutes(1))).isTrue();
    }

    @Test
    void nothingEntersOnceDraining() {
        inFlight.drain(Duration.ofMillis(1));

        assertThat(inFlight.enter()).isFalse();
        assertThat(inFlight.count()).isZero();
    }

    @Test
    void drainWaitsForTheLastRequestToLeave() {
        assertThat(inFlight.enter()).isTrue();
        assertThat(inFlight.enter()).isTrue();
        CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(() -> inFlight.drain(Duration.ofMinutes(1)));

        inFlight.exit();
        assertThat(drained).isNotDone();
        inFlight.exit();

        assertThat(drained.join()).isTrue();
    }

    @Test
    void drainGivesUpAfterItsTimeout() {
        inFlight.enter();

        assertThat(inFlight.drain(Duration.ofMillis(20))).isFalse();
        assertThat(inFlight.count()).isEqualTo(1);
    }
}
