package dev.switchboard.server.cli;

import dev.switchboard.core.config.ConfigError;
import dev.switchboard.core.config.ConfigErrors;
import dev.switchboard.core.config.ConfigLoader;
import dev.switchboard.core.config.ConfigResult;
import dev.switchboard.core.config.ConfigSnapshot;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The {@code --config FILE} option of every command that reads a configuration, and reading that
 * file with the one validator ({@link ConfigLoader}), which never throws for a bad file.
 */
final class ConfigOption {
    /** A message that already starts with its position, as the parser's syntax errors do. */
    private static final Pattern POSITIONED = Pattern.compile("^line \\d+, column \\d+: .*", Pattern.DOTALL);

    @Option(
            names = {"-c", "--config"},
            required = true,
            paramLabel = "FILE",
            description = "The configuration file, JSON or YAML.")
    Path file = Path.of("switchboard.yaml");

    /** Reads and validates the file, expanding {@code ${VAR}} from {@code environment}. */
    ConfigResult load(Map<String, String> environment) {
        return new ConfigLoader(environment).load(file);
    }

    /**
     * The valid configuration, or {@code null} after printing every problem to {@code err} (see
     * {@link #print(ConfigErrors, PrintWriter)}).
     */
    @Nullable
    ConfigSnapshot loadOrReport(Map<String, String> environment, PrintWriter err) {
        return switch (load(environment)) {
            case ConfigSnapshot snapshot -> snapshot;
            case ConfigErrors errors -> {
                print(errors, err);
                yield null;
            }
        };
    }

    /**
     * Prints {@code errors} as the documentation shows them: {@code FILE: N problems}, then one
     * indented line per problem, {@code path: message (line L, column C)}; the position is left out
     * when unknown or when the message already starts with it.
     */
    static void print(ConfigErrors errors, PrintWriter err) {
        int count = errors.errors().size();
        err.println(errors.source() + ": " + count + (count == 1 ? " problem" : " problems"));
        for (ConfigError error : errors.errors()) {
            err.println("  " + line(error));
        }
        err.flush();
    }

    static String line(ConfigError error) {
        if (!error.hasLocation() || POSITIONED.matcher(error.message()).matches()) {
            return error.toString();
        }
        return error + " (line " + error.line() + ", column " + error.column() + ")";
    }
}
