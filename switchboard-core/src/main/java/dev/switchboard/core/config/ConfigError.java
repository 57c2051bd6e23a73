package dev.switchboard.core.config;

import java.util.Objects;

/**
 * One problem found in a configuration.
 *
 * @param path where the problem is, as dotted keys with {@code [index]} for array items and {@code
 *     ["key"]} for keys that are not plain words, such as {@code mcpServers.github.args[0]}; {@value
 *     #ROOT} for the document as a whole
 * @param message what is wrong, in the form {@code value (expected: constraint)} where that fits;
 *     secrets are shown as {@code "***"}
 * @param line the 1-based line in the file where the offending value starts, or 0 when unknown
 *     (for instance when a tree was validated rather than a file)
 * @param column the 1-based column of that value, or 0 when unknown
 */
public record ConfigError(String path, String message, int line, int column) {

    /** The {@link #path} of a problem with the document as a whole, such as a syntax error. */
    public static final String ROOT = "(root)";

    /** Checks that no field is null and that the position is not negative. */
    public ConfigError {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException(
                    "line, column: " + line + ", " + column + " (expected: 0 for unknown, or positive)");
        }
    }

    /** Whether {@link #line} and {@link #column} say where the problem is in the file. */
    public boolean hasLocation() {
        return line > 0;
    }

    /** {@code path: message}, the form users see. */
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
