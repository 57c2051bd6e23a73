package dev.switchboard.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Collects the measurements of every round and summarizes each configuration (transport, callers,
 * client): the median of the rounds' calls per second, latency percentiles over the calls of all
 * rounds, failures summed, and Switchboard's median divided by the other client's. Not thread-safe.
 */
final class Report {
    private static final Comparator<Key> ORDER =
            Comparator.comparing(Key::target).thenComparingInt(Key::callers).thenComparing(Key::contender);

    private final Map<Key, List<RunResult>> results = new LinkedHashMap<>();
    private final JsonMapper mapper = JsonMapper.builder().build();

    /** One configuration. */
    record Key(Target target, int callers, Contender contender) {}

    /** One configuration's rounds and their summary. */
    record Row(Key key, List<RunResult> runs, LatencyHistogram latency) {
        double medianCallsPerSecond() {
            return median(runs.stream().mapToDouble(RunResult::callsPerSecond).toArray());
        }

        /** The median over the rounds of the clients' CPU µs per call; -1 when unknown. */
        double medianClientCpu() {
            return median(runs.stream()
                    .mapToDouble(RunResult::clientCpuMicrosPerCall)
                    .filter(v -> v >= 0)
                    .toArray());
        }

        /** The median over the rounds of the servers' CPU µs per call; -1 when unknown. */
        double medianServerCpu() {
            return median(runs.stream()
                    .mapToDouble(RunResult::serverCpuMicrosPerCall)
                    .filter(v -> v >= 0)
                    .toArray());
        }

        private static double median(double[] values) {
            int n = values.length;
            if (n == 0) {
                return -1;
            }
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }

        long ok() {
            return runs.stream().mapToLong(RunResult::ok).sum();
        }

        long failed() {
            return runs.stream().mapToLong(RunResult::failed).sum();
        }

        int stuck() {
            return runs.stream().mapToInt(RunResult::stuckCallers).sum();
        }

        Optional<String> firstError() {
            return runs.stream()
                    .map(RunResult::firstError)
                    .filter(e -> e != null)
                    .map(e -> (String) e)
                    .findFirst();
        }

        long micros(double percentile) {
            return Math.round(latency.percentile(percentile) / 1_000.0);
        }
    }

    /** Adds one measurement. */
    void add(Target target, Contender contender, RunResult result) {
        results.computeIfAbsent(new Key(target, result.callers(), contender), k -> new ArrayList<>())
                .add(result);
    }

    /** Every configuration measured so far, ordered by transport, callers and client. */
    List<Row> rows() {
        return results.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(ORDER))
                .map(e -> {
                    LatencyHistogram merged = new LatencyHistogram();
                    e.getValue().forEach(r -> merged.add(r.latency()));
                    return new Row(e.getKey(), List.copyOf(e.getValue()), merged);
                })
                .toList();
    }

    /**
     * Switchboard's median calls per second divided by {@code row}'s, when Switchboard was measured
     * in the same configuration and {@code row} is another client with any successful call.
     */
    Optional<Double> ratio(Row row) {
        if (!row.key().contender().isSdk()) {
            return Optional.empty();
        }
        List<RunResult> ours = results.get(new Key(row.key().target(), row.key().callers(), Contender.SWITCHBOARD));
        double theirs = row.medianCallsPerSecond();
        if (ours == null || theirs <= 0) {
            return Optional.empty();
        }
        Row oursRow = new Row(row.key(), ours, new LatencyHistogram());
        return Optional.of(oursRow.medianCallsPerSecond() / theirs);
    }

    /** The summary as a Markdown table. */
    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| transport | callers | client | calls/s (median) | calls/s per round | p50 µs | p90 µs")
                .append(
                        " | p99 µs | client CPU µs/call | server CPU µs/call | failed / calls | switchboard ÷ client |\n");
        out.append("|---|---:|---|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : rows()) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %s | %,.0f | %s | %,d | %,d | %,d | %s | %s | %s | %s |%n",
                    row.key().target().label(),
                    row.key().callers(),
                    row.key().contender().label(),
                    row.medianCallsPerSecond(),
                    perRound(row),
                    row.micros(50),
                    row.micros(90),
                    row.micros(99),
                    cpu(row.medianClientCpu()),
                    cpu(row.medianServerCpu()),
                    failures(row),
                    ratio(row).map(r -> String.format(Locale.ROOT, "%.2f×", r)).orElse("")));
        }
        return out.toString();
    }

    /** The first failure of each configuration that had one. */
    List<String> errors() {
        List<String> lines = new ArrayList<>();
        for (Row row : rows()) {
            row.firstError()
                    .ifPresent(e -> lines.add(
                            row.key().target().label() + " " + row.key().callers() + " callers "
                                    + row.key().contender().label() + ": " + e));
        }
        return lines;
    }

    /** One JSON object per configuration. */
    List<String> jsonLines() {
        return rows().stream().map(row -> mapper.writeValueAsString(json(row))).toList();
    }

    private ObjectNode json(Row row) {
        ObjectNode o = mapper.createObjectNode();
        o.put("transport", row.key().target().label());
        o.put("callers", row.key().callers());
        o.put("client", row.key().contender().label());
        o.put("rounds", row.runs().size());
        o.put("callsPerSecondMedian", Math.round(row.medianCallsPerSecond()));
        ArrayNode perRound = o.putArray("callsPerSecond");
        row.runs().forEach(r -> perRound.add(Math.round(r.callsPerSecond())));
        o.put("p50Micros", row.micros(50));
        o.put("p90Micros", row.micros(90));
        o.put("p99Micros", row.micros(99));
        o.put("maxMicros", Math.round(row.latency().max() / 1_000.0));
        o.put("clientCpuMicrosPerCall", Math.round(row.medianClientCpu() * 10) / 10.0);
        o.put("serverCpuMicrosPerCall", Math.round(row.medianServerCpu() * 10) / 10.0);
        ArrayNode cores = o.putArray("clientAndServerCoresPerRound");
        row.runs()
                .forEach(r -> cores.addArray()
                        .add(Math.round(r.clientCores() * 100) / 100.0)
                        .add(Math.round(r.serverCores() * 100) / 100.0));
        o.put("ok", row.ok());
        o.put("failed", row.failed());
        o.put("stuckCallers", row.stuck());
        row.firstError().ifPresent(e -> o.put("firstError", e));
        ratio(row).ifPresent(r -> o.put("switchboardOverClient", Math.round(r * 100) / 100.0));
        return o;
    }

    private static String cpu(double micros) {
        return micros < 0 ? "?" : String.format(Locale.ROOT, "%,.0f", micros);
    }

    private static String perRound(Row row) {
        return String.join(
                " ",
                row.runs().stream()
                        .map(r -> String.format(Locale.ROOT, "%,.0f", r.callsPerSecond()))
                        .toList());
    }

    private static String failures(Row row) {
        String text = String.format(Locale.ROOT, "%,d / %,d", row.failed(), row.failed() + row.ok());
        return row.stuck() > 0 ? text + " (" + row.stuck() + " stuck)" : text;
    }
}
