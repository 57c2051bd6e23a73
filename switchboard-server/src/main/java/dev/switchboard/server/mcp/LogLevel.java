package dev.switchboard.server.mcp;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The MCP log levels (RFC 5424 severities), least severe first. */
enum LogLevel {
    DEBUG,
    INFO,
    NOTICE,
    WARNING,
    ERROR,
    CRITICAL,
    ALERT,
    EMERGENCY;

    /** The level named {@code name} on the wire, or {@code null} for anything else. */
    static @Nullable LogLevel parse(@Nullable String name) {
        if (name == null) {
            return null;
        }
        for (LogLevel level : values()) {
            if (level.wire().equals(name)) {
                return level;
            }
        }
        return null;
    }

    /** The name on the wire, such as {@code warning}. */
    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
