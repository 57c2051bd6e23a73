package dev.switchboard.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders the comparison in Markdown: a summary (one row per cell, one column per contender: median
 * calls per second and the ratio to direct), the details (one row per contender and cell), and the
 * errors seen.
 */
final class ReportTables {
    private ReportTables() {}

    /** The whole report. */
    static String render(List<CellSummary> cells) {
        StringBuilder s = new StringBuilder();
        s.append(summary(cells)).append('\n');
        s.append(details(cells)).append('\n');
        s.append(errors(cells));
        return s.toString();
    }

    /** One row per cell: median calls per second of each contender, × its ratio to direct. */
    static String summary(List<CellSummary> cells) {
        List<String> names = contenderNames(cells);
        StringBuilder s = new StringBuilder("| downstream | mode | sessions | client |");
        names.forEach(n -> s.append(' ').append(n).append(" |"));
        s.append("\n|---|---|---:|---|");
        names.forEach(n -> s.append("---:|"));
        s.append('\n');
        for (CellSummary cell : cells) {
            Measurement.CellKey k = cell.key();
            s.append(String.format(
                    Locale.ROOT, "| %s | %s | %d | %s |", k.downstream(), k.mode(), k.sessions(), k.client()));
            for (String name : names) {
                s.append(' ')
                        .append(cell.find(name).map(c -> summaryCell(cell, c)).orElse(""))
                        .append(" |");
            }
            s.append('\n');
        }
        s.append("\nEach cell: median calls/s over the rounds; ×: that over direct's median; ")
                .append("!: some calls or rounds failed; failed, skipped: no round measured (see the errors below).\n");
        return s.toString();
    }

    private static String summaryCell(CellSummary cell, ContenderSummary c) {
        if (c.rounds().stream().noneMatch(Measurement::measured)) {
            boolean skipped = c.failures().stream().allMatch(f -> f.contains(": skipped:"));
            return skipped ? "skipped" : "failed";
        }
        String text = rate(c.medianCallsPerSecond());
        if (!c.kind().equals(CellSummary.DIRECT)) {
            double r = cell.ratioToDirect(c);
            if (!Double.isNaN(r)) {
                text += String.format(Locale.ROOT, " ×%.2f", r);
            }
        }
        if (c.errors() > 0 || !c.failures().isEmpty()) {
            text += " !";
        }
        return text;
    }

    /** One row per contender and cell. */
    static String details(List<CellSummary> cells) {
        StringBuilder s = new StringBuilder("| downstream | mode | sessions | client | contender | calls/s | rounds | "
                + "p50 µs | p99 µs | errors | CPU µs/call | RSS MB idle/max/with children | ×direct | ×best other peer | "
                + "p50 over direct µs |\n");
        s.append("|---|---|---:|---|---|---:|---|---:|---:|---:|---:|---|---:|---:|---:|\n");
        for (CellSummary cell : cells) {
            Measurement.CellKey k = cell.key();
            for (ContenderSummary c : cell.contenders()) {
                boolean direct = c.kind().equals(CellSummary.DIRECT);
                s.append(String.format(
                        Locale.ROOT,
                        "| %s | %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                        k.downstream(),
                        k.mode(),
                        k.sessions(),
                        k.client(),
                        c.contender(),
                        rate(c.medianCallsPerSecond()),
                        rounds(c),
                        number(c.medianP50()),
                        number(c.medianP99()),
                        errorText(c),
                        number(c.medianCpuPerCall()),
                        memory(c),
                        direct ? "" : ratio(cell.ratioToDirect(c)),
                        ratio(cell.ratioToBestPeer(c)),
                        direct ? "" : signed(cell.addedP50(c))));
            }
        }
        s.append("\ncalls/s, p50, p99 and CPU: medians over the rounds (a failed round counts as 0 calls/s); ")
                .append("CPU: the contender's own process (for direct: the server) per successful call, ")
                .append("over the measured window; RSS: after start, the most under load, and with its child ")
                .append("processes at the end of the load.\n");
        return s.toString();
    }

    /** The failed calls and runs, by contender and cell. */
    static String errors(List<CellSummary> cells) {
        List<String> lines = new ArrayList<>();
        for (CellSummary cell : cells) {
            Measurement.CellKey k = cell.key();
            for (ContenderSummary c : cell.contenders()) {
                if (c.errors() == 0 && c.failures().isEmpty()) {
                    continue;
                }
                String where = String.format(
                        Locale.ROOT,
                        "%s in front of %s, %s, sessions=%d, client %s",
                        c.contender(),
                        k.downstream(),
                        k.mode(),
                        k.sessions(),
                        k.client());
                List<String> parts = new ArrayList<>();
                if (c.errors() > 0) {
                    parts.add(c.errors() + " failed of " + (c.calls() + c.errors()) + " " + c.errorsByKind());
                }
                parts.addAll(c.failures());
                StringBuilder line =
                        new StringBuilder("- ").append(where).append(": ").append(String.join("; ", parts));
                lines.add(line.toString());
            }
        }
        return lines.isEmpty() ? "No failed calls.\n" : "Failed calls and runs:\n\n" + String.join("\n", lines) + "\n";
    }

    private static List<String> contenderNames(List<CellSummary> cells) {
        List<String> names = new ArrayList<>();
        for (CellSummary cell : cells) {
            cell.direct()
                    .map(ContenderSummary::contender)
                    .filter(n -> !names.contains(n))
                    .ifPresent(n -> names.add(0, n));
            for (ContenderSummary c : cell.contenders()) {
                if (!names.contains(c.contender())) {
                    names.add(c.contender());
                }
            }
        }
        return names;
    }

    private static String rounds(ContenderSummary c) {
        List<String> values =
                c.rounds().stream().map(m -> rate(m.callsPerSecond())).toList();
        return String.join(", ", values);
    }

    private static String errorText(ContenderSummary c) {
        if (c.errors() == 0) {
            long failed = c.rounds().stream().filter(m -> !m.measured()).count();
            return failed == 0 ? "0" : "rounds failed: " + failed;
        }
        return String.format(Locale.ROOT, "%d (%.1f%%)", c.errors(), c.errorShare() * 100);
    }

    private static String memory(ContenderSummary c) {
        double idle = c.medianIdleRssKb();
        return mb(idle) + " / " + mb(c.maxRssKb()) + " / " + mb(c.maxTreeRssKb());
    }

    private static String mb(double kb) {
        return Double.isNaN(kb) || kb < 0 ? "?" : String.format(Locale.ROOT, "%.0f", kb / 1024);
    }

    static String rate(double callsPerSecond) {
        if (Double.isNaN(callsPerSecond)) {
            return "";
        }
        return callsPerSecond < 100
                ? String.format(Locale.ROOT, "%.1f", callsPerSecond)
                : String.format(Locale.ROOT, "%,.0f", callsPerSecond);
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String ratio(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String signed(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%+,.0f", value);
    }
}
