package dev.switchboard.bench.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One contender's rounds in one cell, summarized: medians over the rounds (a round that failed
 * counts as 0 calls per second), errors summed, memory at its most.
 *
 * @param contender the contender
 * @param kind its kind: {@code direct}, {@code peer}, {@code switchboard} or another baseline
 * @param rounds its measurements, one per round
 */
record ContenderSummary(String contender, String kind, List<Measurement> rounds) {

    ContenderSummary {
        rounds = List.copyOf(rounds);
    }

    /** The median over the rounds of the calls per second. */
    double medianCallsPerSecond() {
        return Stats.median(
                rounds.stream().mapToDouble(Measurement::callsPerSecond).toArray());
    }

    /** The median over the rounds with successful calls of the median latency, in µs; NaN when none. */
    double medianP50() {
        return Stats.medianOfKnown(rounds.stream(), m -> m.p50Micros());
    }

    /** The median over the rounds of the 99th percentile, in µs; NaN when none. */
    double medianP99() {
        return Stats.medianOfKnown(rounds.stream(), m -> m.p99Micros());
    }

    /** The median of the contender's CPU µs per call; NaN when unknown. */
    double medianCpuPerCall() {
        return Stats.medianOfKnown(rounds.stream(), Measurement::cpuMicrosPerCall);
    }

    /** The median resident memory after the start, before load, in kB; NaN when unknown. */
    double medianIdleRssKb() {
        return Stats.medianOfKnown(rounds.stream(), m -> m.rssIdleKb());
    }

    /** The most resident memory under load over the rounds, in kB; -1 when unknown. */
    long maxRssKb() {
        return rounds.stream().mapToLong(Measurement::rssMaxKb).max().orElse(-1);
    }

    /** The most resident memory of the contender with its children over the rounds, in kB; -1 when unknown. */
    long maxTreeRssKb() {
        return rounds.stream().mapToLong(Measurement::treeRssKb).max().orElse(-1);
    }

    long calls() {
        return rounds.stream().mapToLong(Measurement::calls).sum();
    }

    long errors() {
        return rounds.stream().mapToLong(Measurement::errors).sum();
    }

    /** Failed calls by kind over every round. */
    Map<String, Long> errorsByKind() {
        return rounds.stream()
                .flatMap(m -> m.errorsByKind().entrySet().stream())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum, TreeMap::new));
    }

    /** The reasons rounds measured nothing, each once, with how many rounds it stopped. */
    List<String> failures() {
        Map<String, Long> reasons = rounds.stream()
                .map(Measurement::failure)
                .filter(f -> f != null)
                .map(f -> (String) f)
                .collect(Collectors.groupingBy(f -> f, LinkedHashMap::new, Collectors.counting()));
        return reasons.entrySet().stream()
                .map(e -> e.getValue() + (e.getValue() == 1 ? " round: " : " rounds: ") + e.getKey())
                .toList();
    }

    /** Failed calls as a share of all measured calls, 0..1; 0 without calls. */
    double errorShare() {
        long all = calls() + errors();
        return all == 0 ? 0 : (double) errors() / all;
    }
}
