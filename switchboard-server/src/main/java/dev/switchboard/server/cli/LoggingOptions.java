package dev.switchboard.server.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/**
 * {@code --verbose}: the commands that print results log only warnings and errors unless asked for
 * more. Logs always go to standard error ({@link StderrLogging}), so standard output
 * carries only results.
 */
final class LoggingOptions {
    @Option(
            names = {"-v", "--verbose"},
            description = "Log at INFO level to standard error (default: warnings and errors only).")
    boolean verbose;

    /** Sets the log levels for this run; a no-op when Logback is not the logging backend. */
    void apply() {
        if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(verbose ? Level.INFO : Level.WARN);
        }
    }
}
