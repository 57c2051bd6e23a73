package dev.switchboard.bench.load;

import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What one run of the load generator observed, and its JSON line (the same fields as {@code
 * interop/load-ts.mjs}'s).
 *
 * @param options what was run
 * @param tally the merged counts of every session
 * @param measuredNanos from the start of the measurement to the end of its last call
 * @param connectMillis how long opening the pooled sessions took, or -1 (cold)
 * @param stuckSessions sessions still in a call when the run's time was up
 * @param clientCpuNanos the CPU time this JVM used during the measurement, or -1
 * @param watch the watched process's report, or {@code null}
 * @param wallNanos the whole run, connects and closes included
 * @param error why the run could not measure anything (every session failed to open), or {@code
 *     null}
 * @param openAtEnd pooled and idle runs: the sessions open at the end of the measurement
 */
record LoadResult(
        LoadOptions options,
        Tally tally,
        long measuredNanos,
        double connectMillis,
        int stuckSessions,
        long clientCpuNanos,
        ProcessWatch.@Nullable Report watch,
        long wallNanos,
        @Nullable String error,
        int openAtEnd) {

    /** Successful measured calls per second. */
    double callsPerSecond() {
        return measuredNanos <= 0 ? 0 : tally.ok() * 1e9 / measuredNanos;
    }

    /** The JSON line. */
    ObjectNode toJson(JsonMapper mapper) {
        ObjectNode json = mapper.createObjectNode();
        json.put("client", "java");
        json.put("label", options.label());
        json.put("target", options.target());
        json.put("mode", options.mode());
        json.put("tool", options.tool());
        json.put("sessions", options.sessions());
        json.put("warmup_s", options.warmup().toMillis() / 1000.0);
        json.put("duration_s", round(measuredNanos / 1e9, 3));
        json.put("calls", tally.ok());
        json.put("errors", tally.failed());
        json.put("calls_per_s", round(callsPerSecond(), 1));
        boolean any = tally.ok() > 0;
        putMicros(json, "p50_us", any, tally.latency().percentile(50));
        putMicros(json, "p90_us", any, tally.latency().percentile(90));
        putMicros(json, "p99_us", any, tally.latency().percentile(99));
        putMicros(json, "max_us", any, tally.latency().max());
        putMicros(json, "mean_us", any, Math.round(tally.latency().mean()));
        ObjectNode kinds = json.putObject("errors_by_kind");
        tally.failures().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> kinds.put(e.getKey(), e.getValue()));
        json.put("error_sample", tally.firstError());
        json.put("warmup_calls", tally.warmupCalls());
        json.put("warmup_errors", tally.warmupFailed());
        if (connectMillis < 0) {
            json.putNull("connect_ms");
        } else {
            json.put("connect_ms", round(connectMillis, 1));
        }
        json.put("stuck_sessions", stuckSessions);
        json.put("open_sessions", openAtEnd);
        json.put("client_cpu_us_per_call", perCall(clientCpuNanos));
        putWatch(json);
        json.put("wall_s", round(wallNanos / 1e9, 2));
        if (error != null) {
            json.put("error", error);
        }
        return json;
    }

    private void putWatch(ObjectNode json) {
        ProcessWatch.Report w = watch;
        if (w == null) {
            json.putNull("watch");
            return;
        }
        ObjectNode node = json.putObject("watch");
        node.put("pid", w.pid());
        node.put("cpu_us_per_call", round(w.cpuMicrosPerCall(tally.ok()), 1));
        node.put("cores", round(w.cores(measuredNanos), 2));
        node.put("rss_kb_start", w.rssKbStart());
        node.put("rss_kb_max", w.rssKbMax());
        node.put("tree_rss_kb", w.treeRssKb());
        node.put("tree_processes", w.treeProcesses());
    }

    /** The human-readable summary. */
    String describe() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(
                Locale.ROOT,
                "target=%s mode=%s sessions=%d tool=%s measured=%.2fs%n",
                options.target(),
                options.mode(),
                options.sessions(),
                options.tool(),
                measuredNanos / 1e9));
        s.append(String.format(
                Locale.ROOT, "calls=%d errors=%d calls/s=%.1f%n", tally.ok(), tally.failed(), callsPerSecond()));
        s.append(String.format(
                Locale.ROOT,
                "latency us: p50=%d p90=%d p99=%d max=%d%n",
                micros(tally.latency().percentile(50)),
                micros(tally.latency().percentile(90)),
                micros(tally.latency().percentile(99)),
                micros(tally.latency().max())));
        if (tally.failed() > 0) {
            s.append("errors by kind: ").append(tally.failures()).append(System.lineSeparator());
            s.append("first error: ").append(tally.firstError()).append(System.lineSeparator());
        }
        if (error != null) {
            s.append("error: ").append(error).append(System.lineSeparator());
        }
        return s.toString();
    }

    private double perCall(long nanos) {
        return nanos < 0 || tally.ok() == 0 ? -1 : round(nanos / 1_000.0 / tally.ok(), 1);
    }

    private static void putMicros(ObjectNode json, String name, boolean any, long nanos) {
        if (any) {
            json.put(name, micros(nanos));
        } else {
            json.putNull(name);
        }
    }

    private static long micros(long nanos) {
        return Math.round(nanos / 1_000.0);
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
