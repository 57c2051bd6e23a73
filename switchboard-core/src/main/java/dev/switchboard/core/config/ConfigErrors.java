package dev.switchboard.core.config;

import java.util.List;
import java.util.Objects;

/**
 * The problems that make a configuration invalid: all of them, not only the first.
 *
 * @param source where the configuration came from, such as the file's path
 * @param errors the problems, in document order; never empty
 */
public record ConfigErrors(String source, List<ConfigError> errors) implements ConfigResult {

    /** Copies the list and checks that it holds at least one problem. */
    public ConfigErrors {
        Objects.requireNonNull(source, "source");
        errors = List.copyOf(errors);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("errors: [] (expected: at least one problem)");
        }
    }

    /**
     * Never returns.
     *
     * @throws ConfigException listing every problem
     */
    @Override
    public ConfigSnapshot orElseThrow() {
        throw new ConfigException(this);
    }

    /**
     * A report for people, one problem a line, with its line and column when known:
     *
     * <pre>
     * config.yaml: 2 problems
     *   mcpServers.github.comand: unknown key (did you mean "command"?) (line 4, column 5)
     *   gateway.separator: "" (expected: ...) (line 2, column 14)
     * </pre>
     */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(source)
                .append(": ")
                .append(errors.size())
                .append(errors.size() == 1 ? " problem" : " problems");
        for (ConfigError error : errors) {
            out.append(System.lineSeparator()).append("  ").append(error);
            if (error.hasLocation()) {
                out.append(" (line ")
                        .append(error.line())
                        .append(", column ")
                        .append(error.column())
                        .append(')');
            }
        }
        return out.toString();
    }
}
