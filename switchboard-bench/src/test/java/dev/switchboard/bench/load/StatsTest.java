package dev.switchboard.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void takesTheMiddleValueOfAnOddCountAndTheMeanOfTheTwoMiddleOnesOfAnEvenCount() {
        assertThat(Stats.median(3, 1, 2)).isEqualTo(2);
        assertThat(Stats.median(4, 1, 3, 2)).isEqualTo(2.5);
        assertThat(Stats.median(7)).isEqualTo(7);
        assertThat(Stats.median()).isNaN();
    }

    @Test
    void leavesUnknownValuesOutOfAMedian() {
        assertThat(Stats.medianOfKnown(Stream.of(-1.0, 10.0, 30.0), v -> v)).isEqualTo(20);
        assertThat(Stats.medianOfKnown(Stream.of(-1.0), v -> v)).isNaN();
    }

    @Test
    void hasNoRatioToAnUnknownOrZeroBase() {
        assertThat(Stats.ratio(300, 100)).isCloseTo(3, within(1e-9));
        assertThat(Stats.ratio(300, 0)).isNaN();
        assertThat(Stats.ratio(300, Double.NaN)).isNaN();
        assertThat(Stats.ratio(Double.NaN, 100)).isNaN();
    }
}
