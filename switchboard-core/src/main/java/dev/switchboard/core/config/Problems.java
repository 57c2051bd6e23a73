package dev.switchboard.core.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Collects every problem found in one document, each placed at the line and column of its value
 * (or of the nearest enclosing value) when the document came from a file. Not thread-safe: one
 * validation run owns it.
 */
final class Problems {
    private static final int MAX_SHOWN = 80;

    private final Map<ConfigPath, int[]> positions;
    private final List<ConfigError> errors = new ArrayList<>();
    private final Set<ConfigPath> settled;

    /**
     * Problems placed by {@code positions}; those at {@code settled} paths, whose values are not
     * what the file says (YAML aliases, reported by the parser), are dropped as they would only
     * confuse.
     */
    Problems(Map<ConfigPath, int[]> positions, Set<ConfigPath> settled) {
        this.positions = positions;
        this.settled = settled;
    }

    /** A problem at {@code path}, unless the path is settled. */
    void add(ConfigPath path, String message) {
        if (settled.contains(path)) {
            return;
        }
        int[] position = positionOf(path);
        errors.add(new ConfigError(path.toString(), message, position[0], position[1]));
    }

    /** A problem found while reading the file, already placed. */
    void add(ConfigError error) {
        errors.add(error);
    }

    /** {@code path: shown (expected: expected)}. */
    void invalid(ConfigPath path, String shown, String expected) {
        add(path, shown + " (expected: " + expected + ")");
    }

    /** {@code path: value (expected: expected)}, with the value shown as {@code "***"} if secret. */
    void invalid(ConfigPath path, JsonNode value, boolean secret, String expected) {
        invalid(path, secret ? secret() : show(value), expected);
    }

    int count() {
        return errors.size();
    }

    /** The problems, by position in the file when known, else in the order found. */
    List<ConfigError> sorted() {
        List<ConfigError> sorted = new ArrayList<>(errors);
        if (sorted.stream().allMatch(ConfigError::hasLocation)) {
            sorted.sort(Comparator.comparingInt(ConfigError::line).thenComparingInt(ConfigError::column));
        }
        return List.copyOf(sorted);
    }

    /** How a secret value is shown. */
    static String secret() {
        return "\"" + Redaction.MASK + "\"";
    }

    /** {@code value} as it reads in a message: strings quoted and cut short, containers elided. */
    static String show(JsonNode value) {
        if (value.isString()) {
            String text = value.asString();
            return text.length() <= MAX_SHOWN
                    ? ConfigPath.quoted(text)
                    : ConfigPath.quoted(text.substring(0, MAX_SHOWN)) + "…";
        }
        if (value.isObject()) {
            return value.isEmpty() ? "{}" : "{...}";
        }
        if (value.isArray()) {
            return value.isEmpty() ? "[]" : "[...]";
        }
        return value.toString();
    }

    private int[] positionOf(ConfigPath path) {
        for (@Nullable ConfigPath at = path; at != null; at = at.parent()) {
            int[] position = positions.get(at);
            if (position != null && position[0] > 0) {
                return position;
            }
        }
        return new int[] {0, 0};
    }
}
