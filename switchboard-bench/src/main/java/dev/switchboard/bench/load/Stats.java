package dev.switchboard.bench.load;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/** Medians and ratios over the rounds of a comparison. */
final class Stats {
    private Stats() {}

    /** The median of {@code values}: the middle one, or the mean of the two middle ones; NaN when empty. */
    static double median(double... values) {
        int n = values.length;
        if (n == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The median of {@code value} over the items for which it is known (not negative); NaN when none. */
    static <T> double medianOfKnown(Stream<T> items, ToDoubleFunction<T> value) {
        return median(items.mapToDouble(value).filter(v -> v >= 0).toArray());
    }

    /** {@code value / base}; NaN when either is unknown (NaN) or {@code base} is not positive. */
    static double ratio(double value, double base) {
        return Double.isNaN(value) || Double.isNaN(base) || base <= 0 ? Double.NaN : value / base;
    }
}
