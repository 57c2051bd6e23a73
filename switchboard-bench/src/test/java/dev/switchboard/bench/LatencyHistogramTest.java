package dev.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void reportsPercentilesOfAUniformRangeWithinThreePercent() {
        LatencyHistogram h = new LatencyHistogram();
        for (long v = 1; v <= 100_000; v++) {
            h.record(v * 1_000);
        }

        assertThat(h.count()).isEqualTo(100_000);
        assertThat((double) h.percentile(50)).isCloseTo(50_000_000, within(50_000_000 * 0.031));
        assertThat((double) h.percentile(90)).isCloseTo(90_000_000, within(90_000_000 * 0.031));
        assertThat((double) h.percentile(99)).isCloseTo(99_000_000, within(99_000_000 * 0.031));
        assertThat(h.percentile(100)).isEqualTo(100_000_000);
        assertThat(h.mean()).isCloseTo(50_000_500, within(1.0));
    }

    @Test
    void keepsSmallValuesExact() {
        LatencyHistogram h = new LatencyHistogram();
        for (long v = 0; v < 32; v++) {
            h.record(v);
        }

        assertThat(h.percentile(50)).isEqualTo(15);
        assertThat(h.min()).isZero();
        assertThat(h.max()).isEqualTo(31);
    }

    @Test
    void clampsPercentilesToTheExactExtremes() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(1_000_003);

        assertThat(h.percentile(1)).isEqualTo(1_000_003);
        assertThat(h.percentile(99.9)).isEqualTo(1_000_003);
    }

    @Test
    void mergesCountsOfAnotherHistogram() {
        LatencyHistogram a = new LatencyHistogram();
        LatencyHistogram b = new LatencyHistogram();
        for (int i = 0; i < 90; i++) {
            a.record(1_000);
        }
        for (int i = 0; i < 10; i++) {
            b.record(1_000_000);
        }

        a.add(b);

        assertThat(a.count()).isEqualTo(100);
        assertThat((double) a.percentile(90)).isCloseTo(1_000, within(31.0));
        assertThat((double) a.percentile(95)).isCloseTo(1_000_000, within(31_000.0));
        assertThat(a.max()).isEqualTo(1_000_000);
    }

    @Test
    void answersZeroWhenEmpty() {
        LatencyHistogram h = new LatencyHistogram();

        assertThat(h.percentile(99)).isZero();
        assertThat(h.min()).isZero();
        assertThat(h.mean()).isZero();
    }

    @Test
    void bucketBoundariesAreContiguousAndCoverLongValues() {
        for (int i = 1; i < LatencyHistogram.index(Long.MAX_VALUE); i++) {
            assertThat(LatencyHistogram.index(LatencyHistogram.lowest(i))).isEqualTo(i);
            assertThat(LatencyHistogram.index(LatencyHistogram.lowest(i) - 1)).isEqualTo(i - 1);
        }
    }

    @Test
    void rejectsPercentilesOutsideTheRange() {
        LatencyHistogram h = new LatencyHistogram();

        assertThatThrownBy(() -> h.percentile(0)).hasMessageContaining("expected: in (0, 100]");
        assertThatThrownBy(() -> h.percentile(100.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
