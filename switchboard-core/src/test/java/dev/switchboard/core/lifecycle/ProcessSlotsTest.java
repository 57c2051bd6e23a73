package dev.switchboard.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProcessSlotsTest {
    @Test
    void refusesASlotBeyondTheCap() throws InterruptedException {
        ProcessSlots slots = new ProcessSlots(2);

        Optional<ProcessSlots.Slot> first = slots.reserve(Duration.ZERO);
        Optional<ProcessSlots.Slot> second = slots.reserve(Duration.ZERO);
        Optional<ProcessSlots.Slot> third = slots.reserve(Duration.ofMillis(20));

        assertThat(first).isPresent();
        assertThat(second).isPresent();
        assertThat(third).isEmpty();
        assertThat(slots.live()).isEqualTo(2);
        assertThat(slots.peak()).isEqualTo(2);
    }

    @Test
    void slotWithoutAProcessIsReleasedOnceOnly() throws InterruptedException {
        ProcessSlots slots = new ProcessSlots(1);
        ProcessSlots.Slot slot = slots.reserve(Duration.ZERO).orElseThrow();

        slot.releaseIfUnattached();
        slot.releaseIfUnattached();

        assertThat(slots.live()).isZero();
        assertThat(slots.reserve(Duration.ZERO)).isPresent();
        assertThat(slots.live()).isEqualTo(1);
    }

    @Test
    void slotOfAProcessThatIsAlreadyGoneIsReleasedAtOnce() throws InterruptedException {
        ProcessSlots slots = new ProcessSlots(1);
        ProcessSlots.Slot slot = slots.reserve(Duration.ZERO).orElseThrow();

        slot.attach(Long.MAX_VALUE);
        slot.releaseIfUnattached();

        assertThat(slots.live()).isZero();
        assertThat(slots.startedPids()).containsExactly(Long.MAX_VALUE);
    }

    @Test
    void slotOfALiveProcessIsHeldEvenWhenItsOwnerGivesItUp() throws InterruptedException {
        ProcessSlots slots = new ProcessSlots(1);
        ProcessSlots.Slot slot = slots.reserve(Duration.ZERO).orElseThrow();

        slot.attach(ProcessHandle.current().parent().orElseThrow().pid());
        slot.releaseIfUnattached();

        assertThat(slots.live()).isEqualTo(1);
        assertThat(slots.reserve(Duration.ofMillis(20))).isEmpty();
    }
}
