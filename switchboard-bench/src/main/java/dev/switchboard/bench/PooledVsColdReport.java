package dev.switchboard.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Collects the pooled and cold measurements of every round and summarizes each transport and
 * number of callers: the median of the rounds' calls per second, latency percentiles over the calls
 * of all rounds, and pooled divided by cold. Not thread-safe.
 */
final class PooledVsColdReport {
    private final Map<Key, List<RunResult>> results = new LinkedHashMap<>();
    private final JsonMapper mapper = JsonMapper.builder().build();

    /** One configuration of a transport: callers and how sessions are used. */
    record Key(Target target, int callers, SessionUse use) {}

    /** The rounds of one configuration, summarized. */
    record Summary(List<RunResult> runs, LatencyHistogram latency) {
        static Summary of(List<RunResult> runs) {
            LatencyHistogram merged = new LatencyHistogram();
            runs.forEach(r -> merged.add(r.latency()));
            return new Summary(List.copyOf(runs), merged);
        }

        double medianCallsPerSecond() {
            double[] sorted = runs.stream()
                    .mapToDouble(RunResult::callsPerSecond)
                    .sorted()
                    .toArray();
            int n = sorted.length;
            if (n == 0) {
                return 0;
            }
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }

        long ok() {
            return runs.stream().mapToLong(RunResult::ok).sum();
        }

        long failed() {
            return runs.stream().mapToLong(r -> r.failed() + r.stuckCallers()).sum();
        }

        Optional<String> firstError() {
            return runs.stream()
                    .map(RunResult::firstError)
                    .filter(e -> e != null)
                    .map(e -> (String) e)
                    .findFirst();
        }
    }

    /** Adds one measurement. */
    void add(Target target, SessionUse use, RunResult result) {
        results.computeIfAbsent(new Key(target, result.callers(), use), k -> new ArrayList<>())
                .add(result);
    }

    /** The summary of one configuration; empty rounds when it was not measured. */
    Summary summary(Target target, int callers, SessionUse use) {
        return Summary.of(results.getOrDefault(new Key(target, callers, use), List.of()));
    }

    /** The transports and caller counts measured, in the order of the enum and of the options. */
    List<Key> configurations() {
        return results.keySet().stream()
                .filter(k -> k.use() == SessionUse.POOLED)
                .sorted((a, b) -> a.target() != b.target()
                        ? a.target().compareTo(b.target())
                        : Integer.compare(a.callers(), b.callers()))
                .toList();
    }

    /** The summary as a Markdown table. */
    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| transport | callers | pooled calls/s | cold calls/s | pooled ÷ cold | pooled p50 / p99 |")
                .append(" cold p50 / p99 | pooled calls/s per round | cold calls/s per round | calls measured")
                .append(" (pooled / cold) | failed (pooled / cold) |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---|---|---:|---:|\n");
        for (Key key : configurations()) {
            Summary pooled = summary(key.target(), key.callers(), SessionUse.POOLED);
            Summary cold = summary(key.target(), key.callers(), SessionUse.COLD);
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %s | %s | %s | %s / %s | %s / %s | %s | %s | %,d / %,d | %,d / %,d |%n",
                    key.target().label(),
                    key.callers(),
                    rate(pooled.medianCallsPerSecond()),
                    rate(cold.medianCallsPerSecond()),
                    ratio(pooled, cold)
                            .map(r -> String.format(Locale.ROOT, "%,.0f×", r))
                            .orElse("?"),
                    latency(pooled.latency().percentile(50)),
                    latency(pooled.latency().percentile(99)),
                    latency(cold.latency().percentile(50)),
                    latency(cold.latency().percentile(99)),
                    perRound(pooled),
                    perRound(cold),
                    pooled.ok(),
                    cold.ok(),
                    pooled.failed(),
                    cold.failed()));
        }
        return out.toString();
    }

    /** Pooled median calls per second over cold's, when cold made any call. */
    static Optional<Double> ratio(Summary pooled, Summary cold) {
        double c = cold.medianCallsPerSecond();
        return c > 0 ? Optional.of(pooled.medianCallsPerSecond() / c) : Optional.empty();
    }

    /** The first failure of each configuration that had one. */
    List<String> errors() {
        List<String> lines = new ArrayList<>();
        results.forEach((key, runs) -> Summary.of(runs)
                .firstError()
                .ifPresent(e -> lines.add(key.target().label() + " " + key.callers() + " callers "
                        + key.use().label() + ": " + e)));
        return lines;
    }

    /** One JSON object per transport and number of callers. */
    List<String> jsonLines() {
        return configurations().stream()
                .map(key -> mapper.writeValueAsString(json(key)))
                .toList();
    }

    private ObjectNode json(Key key) {
        ObjectNode o = mapper.createObjectNode();
        o.put("transport", key.target().label());
        o.put("callers", key.callers());
        Summary pooled = summary(key.target(), key.callers(), SessionUse.POOLED);
        Summary cold = summary(key.target(), key.callers(), SessionUse.COLD);
        json(o.putObject("pooled"), pooled);
        json(o.putObject("cold"), cold);
        ratio(pooled, cold).ifPresent(r -> o.put("pooledOverCold", Math.round(r * 10) / 10.0));
        return o;
    }

    private static void json(ObjectNode o, Summary s) {
        o.put("rounds", s.runs().size());
        o.put("callsPerSecondMedian", Math.round(s.medianCallsPerSecond() * 10) / 10.0);
        ArrayNode perRound = o.putArray("callsPerSecond");
        s.runs().forEach(r -> perRound.add(Math.round(r.callsPerSecond() * 10) / 10.0));
        o.put("p50Micros", Math.round(s.latency().percentile(50) / 1_000.0));
        o.put("p99Micros", Math.round(s.latency().percentile(99) / 1_000.0));
        o.put("maxMicros", Math.round(s.latency().max() / 1_000.0));
        o.put("ok", s.ok());
        o.put("failed", s.failed());
        s.firstError().ifPresent(e -> o.put("firstError", e));
    }

    /** A latency for people: µs below a millisecond, then ms. */
    static String latency(long nanos) {
        if (nanos < 1_000_000) {
            return String.format(Locale.ROOT, "%,d µs", Math.round(nanos / 1_000.0));
        }
        return String.format(Locale.ROOT, nanos < 100_000_000 ? "%,.1f ms" : "%,.0f ms", nanos / 1e6);
    }

    private static String rate(double callsPerSecond) {
        return String.format(Locale.ROOT, callsPerSecond < 100 ? "%,.1f" : "%,.0f", callsPerSecond);
    }

    private static String perRound(Summary s) {
        return String.join(
                " ", s.runs().stream().map(r -> rate(r.callsPerSecond())).toList());
    }
}
