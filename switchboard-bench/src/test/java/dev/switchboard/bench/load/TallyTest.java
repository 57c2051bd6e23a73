package dev.switchboard.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TallyTest {

    @Test
    void countsWarmupCallsApartFromMeasuredOnes() {
        Tally t = new Tally();
        t.record(false, null, 5_000, 10);
        t.record(false, new Failure("timeout", "slow", false), 5_000, 20);
        t.record(true, null, 7_000, 30);

        assertThat(t.warmupCalls()).isEqualTo(1);
        assertThat(t.warmupFailed()).isEqualTo(1);
        assertThat(t.ok()).isEqualTo(1);
        assertThat(t.failed()).isZero();
        assertThat(t.latency().count()).isEqualTo(1);
        assertThat(t.lastEnd()).isEqualTo(30);
    }

    @Test
    void mergesSessionsFailuresByKindKeepingTheFirstSample() {
        Tally a = new Tally();
        a.record(true, new Failure("http-503", "busy", false), 1_000, 100);
        a.record(true, null, 2_000, 150);
        Tally b = new Tally();
        b.record(true, new Failure("http-503", "busy again", false), 1_000, 200);
        b.record(true, new Failure("timeout", "slow", false), 1_000, 120);

        Tally total = new Tally();
        total.add(a);
        total.add(b);

        assertThat(total.failures()).isEqualTo(Map.of("http-503", 2L, "timeout", 1L));
        assertThat(total.failed()).isEqualTo(3);
        assertThat(total.ok()).isEqualTo(1);
        assertThat(total.firstError()).isEqualTo("http-503: busy");
        assertThat(total.lastEnd()).isEqualTo(200);
    }
}
