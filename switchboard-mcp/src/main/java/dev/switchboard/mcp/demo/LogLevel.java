package dev.switchboard.mcp.demo;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The syslog severities MCP log messages use, from least to most severe. */
enum LogLevel {
    DEBUG,
    INFO,
    NOTICE,
    WARNING,
    ERROR,
    CRITICAL,
    ALERT,
    EMERGENCY;

    /** The name on the wire, such as {@code warning}. */
    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a message of this level passes a session whose minimum is {@code minimum}. */
    boolean passes(LogLevel minimum) {
        return compareTo(minimum) >= 0;
    }

    /** The level with this wire name, if any. */
    static Optional<LogLevel> parse(@Nullable String wire) {
        if (wire == null) {
            return Optional.empty();
        }
        for (LogLevel level : values()) {
            if (level.wire().equals(wire)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
