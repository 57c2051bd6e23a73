package dev.switchboard.core.config;

import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Expands {@code ${NAME}} and {@code ${NAME:-default}} in string values from an environment given
 * as a map. As in a shell, the default also applies when the variable is set but empty. {@code
 * $${} stands for a literal {@code ${}; a {@code $} not followed by {@code {} is kept as it is.
 * VS Code's {@code ${env:NAME}} means {@code ${NAME}}. Thread-safe.
 */
final class EnvExpander {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String FORMS = "${NAME} or ${NAME:-default}";

    private final Map<String, String> environment;

    EnvExpander(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** {@code raw} expanded, or {@code null} after reporting each reference that cannot be. */
    @Nullable
    String expand(String raw, ConfigPath path, Problems problems) {
        if (raw.indexOf('$') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        boolean expanded = true;
        int i = 0;
        while (i < raw.length()) {
            if (raw.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (raw.startsWith("${", i)) {
                int end = raw.indexOf('}', i + 2);
                if (end < 0) {
                    problems.add(path, "unclosed \"${\" (expected: " + FORMS + ", or $${ for a literal \"${\")");
                    return null;
                }
                String value = resolve(raw.substring(i + 2, end), path, problems);
                if (value == null) {
                    expanded = false;
                } else {
                    out.append(value);
                }
                i = end + 1;
            } else {
                out.append(raw.charAt(i));
                i++;
            }
        }
        return expanded ? out.toString() : null;
    }

    private @Nullable String resolve(String reference, ConfigPath path, Problems problems) {
        int separator = reference.indexOf(":-");
        String name = separator < 0 ? reference : reference.substring(0, separator);
        @Nullable String fallback = separator < 0 ? null : reference.substring(separator + 2);
        if (name.startsWith("env:")) {
            name = name.substring("env:".length());
        }
        if (!NAME.matcher(name).matches()) {
            String hint = name.startsWith("input:")
                    ? "; VS Code input variables are not available to a gateway, use an environment variable"
                    : ", where NAME is letters, digits and '_' not starting with a digit";
            problems.invalid(path, "${" + name + "}", FORMS + hint);
            return null;
        }
        @Nullable String value = environment.get(name);
        if (value == null || (value.isEmpty() && fallback != null)) {
            if (fallback != null) {
                return fallback;
            }
            problems.add(
                    path,
                    "environment variable " + name + " is not set (expected: " + name + " set, or a default as in ${"
                            + name + ":-value})");
            return null;
        }
        return value;
    }
}
