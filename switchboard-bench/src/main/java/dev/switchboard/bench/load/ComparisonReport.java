package dev.switchboard.bench.load;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Summarizes the results file of {@code compare-gateways.sh} (one JSON line per measurement): per
 * cell the median of each contender's rounds, and ratios to the direct measurement and to the best
 * other peer; prints a summary table and a detailed one in Markdown, and the errors seen.
 *
 * <p>{@code ComparisonReport RESULTS.jsonl [--markdown OUT.md]}: exit status 0, or 2 on bad usage
 * or an unreadable file.
 */
public final class ComparisonReport {
    private ComparisonReport() {}

    /** Prints the report of the file named first; with {@code --markdown OUT} also writes it there. */
    public static void main(String[] args) {
        if (args.length != 1 && !(args.length == 3 && args[1].equals("--markdown"))) {
            System.err.println("usage: ComparisonReport RESULTS.jsonl [--markdown OUT.md]");
            System.exit(2);
            return;
        }
        try {
            List<Measurement> measurements = read(Path.of(args[0]));
            String report = ReportTables.render(summarize(measurements));
            new PrintStream(System.out, true, StandardCharsets.UTF_8).print(report);
            if (args.length == 3) {
                Files.writeString(Path.of(args[2]), report, StandardCharsets.UTF_8);
            }
        } catch (IOException | IllegalArgumentException | JacksonException e) {
            System.err.println("comparison-report: " + e.getMessage());
            System.exit(2);
        }
    }

    /**
     * Reads a results file; blank lines are skipped.
     *
     * @throws IllegalArgumentException naming the line that is not a measurement
     */
    static List<Measurement> read(Path file) throws IOException {
        JsonMapper mapper = JsonMapper.builder().build();
        List<Measurement> measurements = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            try {
                measurements.add(Measurement.fromJson(mapper.readTree(line)));
            } catch (JacksonException | IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return measurements;
    }

    /**
     * Groups measurements into cells, ordered by downstream and load generator (as first seen), mode
     * (as first seen) and sessions (ascending); within a cell the direct measurement comes first, the
     * others as first seen.
     */
    static List<CellSummary> summarize(List<Measurement> measurements) {
        List<String> downstreams = firstSeen(measurements, Measurement::downstream);
        List<String> clients = firstSeen(measurements, Measurement::client);
        List<String> modes = firstSeen(measurements, Measurement::mode);
        Map<Measurement.CellKey, Map<String, List<Measurement>>> cells = new LinkedHashMap<>();
        Map<String, String> kinds = new LinkedHashMap<>();
        for (Measurement m : measurements) {
            kinds.putIfAbsent(m.contender(), m.kind());
            cells.computeIfAbsent(m.cell(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(m.contender(), k -> new ArrayList<>())
                    .add(m);
        }
        Comparator<Measurement.CellKey> order = Comparator.<Measurement.CellKey>comparingInt(
                        k -> downstreams.indexOf(k.downstream()))
                .thenComparingInt(k -> modes.indexOf(k.mode()))
                .thenComparingInt(Measurement.CellKey::sessions)
                .thenComparingInt(k -> clients.indexOf(k.client()));
        return cells.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(order))
                .map(e -> new CellSummary(e.getKey(), contenders(e.getValue(), kinds)))
                .toList();
    }

    private static List<ContenderSummary> contenders(
            Map<String, List<Measurement>> byContender, Map<String, String> kinds) {
        List<ContenderSummary> list = new ArrayList<>();
        byContender.forEach(
                (name, rounds) -> list.add(new ContenderSummary(name, kinds.getOrDefault(name, ""), rounds)));
        list.sort(Comparator.comparingInt(c -> c.kind().equals(CellSummary.DIRECT) ? 0 : 1));
        return list;
    }

    private static List<String> firstSeen(
            List<Measurement> measurements, java.util.function.Function<Measurement, String> field) {
        return measurements.stream().map(field).distinct().toList();
    }
}
