package dev.switchboard.bench.scale;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Markdown table of a {@code run-scale-benchmark.sh} results file: {@code ScaleReport
 * RESULTS.jsonl}. Each line is the JSON line of one of the tools with a {@code step} added by the
 * script: {@code serve} ({@link ServeStartup} summaries), {@code inprocess} ({@link StartupTime}
 * summaries, one per JVM), {@code idle} ({@link IdleSessions}), {@code memory} ({@link
 * dev.switchboard.bench.load.ProcessMemory} with a {@code label}), {@code load} ({@link
 * dev.switchboard.bench.load.LoadGenerator}) and {@code heap} ({@link MemoryProbe}). Lines of other
 * steps and blank lines are skipped; a row whose step is missing is left out.
 */
public final class ScaleReport {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ScaleReport() {}

    /** Prints the table; exit status 2 on bad usage or an unreadable file. */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: ScaleReport RESULTS.jsonl");
            System.exit(2);
            return;
        }
        try {
            List<JsonNode> lines = read(Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8));
            new PrintStream(System.out, true, StandardCharsets.UTF_8).print(render(lines));
        } catch (IOException | JacksonException e) {
            System.err.println("scale-report: " + e.getMessage());
            System.exit(2);
        }
    }

    static List<JsonNode> read(List<String> lines) {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : lines) {
            if (!line.isBlank()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }

    /** The table: one row per measurement found. */
    static String render(List<JsonNode> lines) {
        StringBuilder out = new StringBuilder("| measurement | result | target |\n|---|---|---|\n");
        for (JsonNode serve : select(lines, "serve", n -> n.path("summary").asBoolean(false))) {
            String label = serve.path("label").asString("");
            out.append(row(
                    "start-up to `/readyz` 200: " + describeCase(label),
                    String.format(
                            Locale.ROOT,
                            "%s median, %s best of %d; CPU %s main thread, %s process",
                            seconds(serve, "median_ready_ms"),
                            seconds(serve, "min_ready_ms"),
                            serve.path("rounds").asInt(),
                            seconds(serve, "median_cpu_main_ms"),
                            seconds(serve, "median_cpu_ms")),
                    label.startsWith("1000-") ? "under 2 s" : ""));
        }
        inProcess(lines, out);
        for (JsonNode idle : select(lines, "idle", n -> true)) {
            boolean streams = idle.path("label").asString("").contains("stream");
            out.append(row(
                    String.format(
                            Locale.ROOT,
                            "%,d idle sessions on `/mcp`%s: heap after a full GC",
                            idle.path("sessions_asked").asInt(),
                            streams ? ", each holding its GET stream" : " (initialize, initialized)"),
                    String.format(
                            Locale.ROOT,
                            "%,d opened: %s MB (%s MB before), %,d bytes per session; RSS %s MB (%s MB before)",
                            idle.path("sessions_opened").asInt(),
                            num(idle, "heap_used_after_mb"),
                            num(idle, "heap_used_before_mb"),
                            idle.path("heap_bytes_per_session").asLong(),
                            num(idle, "rss_after_mb"),
                            num(idle, "rss_before_mb")),
                    "10,000 within 512 MB"));
        }
        for (JsonNode memory : select(lines, "memory", n -> true)) {
            out.append(row(
                    "gateway RSS, " + memory.path("label").asString(""),
                    mb(memory.path("rss_kb").asLong(-1)),
                    ""));
        }
        for (JsonNode load : select(lines, "load", n -> true)) {
            JsonNode watch = load.path("watch");
            out.append(row(
                    String.format(
                            Locale.ROOT,
                            "gateway RSS under load: %d sessions calling `%s` for %.0f s",
                            load.path("sessions").asInt(),
                            load.path("tool").asString(""),
                            load.path("duration_s").asDouble()),
                    String.format(
                            Locale.ROOT,
                            "%s at the start, %s at most; %.0f calls/s, %d errors, %.0f us gateway CPU per call",
                            mb(watch.path("rss_kb_start").asLong(-1)),
                            mb(watch.path("rss_kb_max").asLong(-1)),
                            load.path("calls_per_s").asDouble(),
                            load.path("errors").asLong(),
                            watch.path("cpu_us_per_call").asDouble()),
                    ""));
        }
        for (JsonNode heap : select(lines, "heap", n -> true)) {
            out.append(row(
                    "gateway heap after a full GC, " + heap.path("label").asString(""),
                    num(heap, "heap_used_mb") + " MB used of " + num(heap, "heap_committed_mb") + " MB committed; RSS "
                            + num(heap, "rss_mb") + " MB",
                    ""));
        }
        return out.toString();
    }

    /** The in-process start-up: per server count and kind, the median over the JVMs of their cold round. */
    private static void inProcess(List<JsonNode> lines, StringBuilder out) {
        List<JsonNode> runs = select(lines, "inprocess", n -> n.path("summary").asBoolean(false));
        List<String> seen = new ArrayList<>();
        for (JsonNode run : runs) {
            String key = run.path("servers").asInt() + " " + run.path("kind").asString("");
            if (seen.contains(key)) {
                continue;
            }
            seen.add(key);
            List<JsonNode> same = runs.stream()
                    .filter(r ->
                            (r.path("servers").asInt() + " " + r.path("kind").asString("")).equals(key))
                    .toList();
            out.append(row(
                    String.format(
                            Locale.ROOT,
                            "in-process: load the file and build `Switchboard`, %,d lazy %s server%s",
                            run.path("servers").asInt(),
                            run.path("kind").asString(""),
                            run.path("servers").asInt() == 1 ? "" : "s"),
                    String.format(
                            Locale.ROOT,
                            "cold JVM %s ms (median of %d JVMs; %s ms CPU on the thread); compiled %s ms",
                            median(same, "cold_ready_ms"),
                            same.size(),
                            median(same, "cold_thread_cpu_ms"),
                            median(same, "warm_ready_ms")),
                    ""));
        }
    }

    /** What a {@link ServeStartup} case label such as {@code 1000-stdio-launcher} stands for. */
    static String describeCase(String label) {
        String[] parts = label.split("-");
        if (parts.length < 2 || !parts[0].matches("\\d+")) {
            return label;
        }
        int servers = Integer.parseInt(parts[0]);
        StringBuilder what = new StringBuilder(
                String.format(Locale.ROOT, "%,d lazy %s server%s", servers, parts[1], servers == 1 ? "" : "s"));
        String how = parts.length > 2 ? parts[2] : "";
        what.append(
                switch (how) {
                    case "launcher" -> ", `./switchboard serve` (the launcher)";
                    case "aot" -> ", `java -XX:AOTCache=... -jar switchboard-server.jar serve`";
                    case "c1" -> ", `java -XX:TieredStopAtLevel=1 -jar switchboard-server.jar serve`";
                    default -> ", `java -jar switchboard-server.jar serve`, no JVM flags";
                });
        return what.toString();
    }

    private static List<JsonNode> select(List<JsonNode> lines, String step, Predicate<JsonNode> filter) {
        return lines.stream()
                .filter(n -> step.equals(n.path("step").asString("")))
                .filter(filter)
                .toList();
    }

    private static String median(List<JsonNode> runs, String field) {
        double[] values = runs.stream()
                .mapToDouble(r -> r.path(field).asDouble(-1))
                .filter(v -> v >= 0)
                .sorted()
                .toArray();
        if (values.length == 0) {
            return "?";
        }
        int mid = values.length / 2;
        double m = values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
        return String.format(Locale.ROOT, "%.0f", m);
    }

    private static String num(JsonNode node, String field) {
        double v = node.path(field).asDouble(-1);
        return v < 0 ? "?" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String seconds(JsonNode node, String millisField) {
        double ms = node.path(millisField).asDouble(-1);
        return ms < 0 ? "?" : String.format(Locale.ROOT, "%.2f s", ms / 1000);
    }

    private static String mb(long kb) {
        return kb < 0 ? "?" : String.format(Locale.ROOT, "%.0f MB", kb / 1024.0);
    }

    private static String row(String what, String result, String target) {
        return "| " + what + " | " + result + " | " + target + " |\n";
    }
}
