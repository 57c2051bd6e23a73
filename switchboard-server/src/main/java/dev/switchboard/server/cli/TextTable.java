package dev.switchboard.server.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of text printed in aligned columns, two spaces apart; the last column is not padded. An
 * optional header row comes first. Not thread-safe.
 */
final class TextTable {
    private final List<List<String>> rows = new ArrayList<>();

    /** Adds a row; every row should have the same number of cells. */
    TextTable row(String... cells) {
        rows.add(List.of(cells));
        return this;
    }

    /** Whether no row was added. */
    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The rows as lines. */
    List<String> lines() {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        List<String> lines = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                line.append(cell);
                if (i < row.size() - 1) {
                    line.append(" ".repeat(widths[i] - cell.length() + 2));
                }
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /** Prints the lines to {@code out} and flushes it. */
    void print(PrintWriter out) {
        lines().forEach(out::println);
        out.flush();
    }
}
