package dev.switchboard.bench.load;

import java.util.List;
import java.util.Optional;

/**
 * The contenders of one cell (downstream, load generator, mode, sessions) and how they compare: each
 * one's median calls per second divided by the direct one's, and by the best other peer's.
 *
 * @param key the cell
 * @param contenders the contenders, direct first, in the order they were first measured
 */
record CellSummary(Measurement.CellKey key, List<ContenderSummary> contenders) {
    /** The kind of the downstream measured without a gateway. */
    static final String DIRECT = "direct";
    /** The kind of a peer gateway. */
    static final String PEER = "peer";

    CellSummary {
        contenders = List.copyOf(contenders);
    }

    /** The contender named {@code name}, if it was measured in this cell. */
    Optional<ContenderSummary> find(String name) {
        return contenders.stream().filter(c -> c.contender().equals(name)).findFirst();
    }

    /** The direct measurement, if any. */
    Optional<ContenderSummary> direct() {
        return contenders.stream().filter(c -> c.kind().equals(DIRECT)).findFirst();
    }

    /** {@code c}'s median calls per second over the direct one's; NaN without a direct measurement. */
    double ratioToDirect(ContenderSummary c) {
        return Stats.ratio(
                c.medianCallsPerSecond(),
                direct().map(ContenderSummary::medianCallsPerSecond).orElse(Double.NaN));
    }

    /** The peer other than {@code c} with the highest median calls per second, if any. */
    Optional<ContenderSummary> bestPeerBesides(ContenderSummary c) {
        return contenders.stream()
                .filter(p -> p.kind().equals(PEER) && !p.contender().equals(c.contender()))
                .max((a, b) -> Double.compare(a.medianCallsPerSecond(), b.medianCallsPerSecond()));
    }

    /** {@code c}'s median calls per second over the best other peer's; NaN without one. */
    double ratioToBestPeer(ContenderSummary c) {
        return Stats.ratio(
                c.medianCallsPerSecond(),
                bestPeerBesides(c).map(ContenderSummary::medianCallsPerSecond).orElse(Double.NaN));
    }

    /** {@code c}'s median p50 minus the direct one's, in µs; NaN when either is unknown. */
    double addedP50(ContenderSummary c) {
        double base = direct().map(ContenderSummary::medianP50).orElse(Double.NaN);
        return c.medianP50() - base;
    }
}
