package dev.switchboard.bench.load;

import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One line of the comparison's results file: which cell was measured in which round, and what the
 * load generator's JSON line said ({@code result}), or why there is none ({@code failure}).
 *
 * @param round the round, from 1
 * @param downstream the server behind the contender, such as {@code everything}
 * @param contender what was measured, such as {@code direct} or {@code mcp-proxy}
 * @param kind {@code direct}, {@code peer}, {@code switchboard} or another word for other baselines
 * @param client the load generator, {@code java} or {@code ts}
 * @param mode {@code pooled} or {@code cold}
 * @param sessions concurrent sessions
 * @param rssIdleKb the contender's resident memory after its start, before any load, in kB; -1
 *     when unknown
 * @param callsPerSecond successful calls per second; 0 when the run failed
 * @param p50Micros median latency, or -1 without successful calls
 * @param p99Micros 99th percentile latency, or -1
 * @param calls successful measured calls
 * @param errors failed measured calls
 * @param errorsByKind failed calls by kind
 * @param cpuMicrosPerCall the contender process's CPU time per successful call, or -1
 * @param rssMaxKb the contender's most resident memory under load, in kB, or -1
 * @param treeRssKb the contender with its child processes at the end of the load, in kB, or -1
 * @param failure why the run produced no measurement, or {@code null}
 */
record Measurement(
        int round,
        String downstream,
        String contender,
        String kind,
        String client,
        String mode,
        int sessions,
        long rssIdleKb,
        double callsPerSecond,
        long p50Micros,
        long p99Micros,
        long calls,
        long errors,
        Map<String, Long> errorsByKind,
        double cpuMicrosPerCall,
        long rssMaxKb,
        long treeRssKb,
        @Nullable String failure) {

    Measurement {
        errorsByKind = Map.copyOf(errorsByKind);
    }

    /** The cell this measurement belongs to. */
    CellKey cell() {
        return new CellKey(downstream, client, mode, sessions);
    }

    /** Whether the run measured at all. */
    boolean measured() {
        return failure == null;
    }

    /**
     * Reads one line of the results file.
     *
     * @throws IllegalArgumentException when a field the report needs is missing
     */
    static Measurement fromJson(JsonNode line) {
        JsonNode r = line.path("result");
        String failure = text(line, "failure");
        if (failure == null && !r.isObject()) {
            failure = "no result";
        }
        if (failure == null && r.hasNonNull("error")) {
            failure = r.path("error").asString();
        }
        Map<String, Long> kinds = new TreeMap<>();
        r.path("errors_by_kind")
                .properties()
                .forEach(e -> kinds.put(e.getKey(), e.getValue().asLong(0)));
        JsonNode watch = r.path("watch");
        return new Measurement(
                required(line, "round").asInt(),
                requiredText(line, "downstream"),
                requiredText(line, "contender"),
                requiredText(line, "kind"),
                requiredText(line, "client"),
                requiredText(line, "mode"),
                required(line, "sessions").asInt(),
                line.path("rss_idle_kb").asLong(-1),
                failure == null ? r.path("calls_per_s").asDouble(0) : 0,
                r.path("p50_us").asLong(-1),
                r.path("p99_us").asLong(-1),
                r.path("calls").asLong(0),
                r.path("errors").asLong(0),
                kinds,
                watch.path("cpu_us_per_call").asDouble(-1),
                watch.path("rss_kb_max").asLong(-1),
                watch.path("tree_rss_kb").asLong(-1),
                failure);
    }

    private static JsonNode required(JsonNode line, String field) {
        JsonNode v = line.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException(field + ": missing (expected: in every results line)");
        }
        return v;
    }

    private static String requiredText(JsonNode line, String field) {
        return required(line, field).asString();
    }

    private static @Nullable String text(JsonNode line, String field) {
        JsonNode v = line.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    /**
     * A cell of the matrix: one downstream, one load generator, one mode, one session count; the
     * contenders are compared within it.
     *
     * @param downstream the server behind the contenders
     * @param client the load generator
     * @param mode pooled or cold
     * @param sessions concurrent sessions
     */
    record CellKey(String downstream, String client, String mode, int sessions) {}
}
