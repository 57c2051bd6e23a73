package dev.switchboard.mcp.protocol;

import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** The MCP log levels (the syslog severities of RFC 5424), least severe first. */
public enum LogLevel {
    DEBUG,
    INFO,
    NOTICE,
    WARNING,
    ERROR,
    CRITICAL,
    ALERT,
    EMERGENCY;

    /** The name on the wire, such as {@code warning}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a message of this level passes a session whose minimum is {@code minimum}. */
    public boolean passes(LogLevel minimum) {
        return compareTo(minimum) >= 0;
    }

    /** The level with this wire name, if any. */
    public static Optional<LogLevel> parse(@Nullable String wire) {
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

    /**
     * The level {@code logging/setLevel} names in its {@code level} param.
     *
     * @throws JsonRpcException invalid params when {@code value} is not a level's name
     */
    public static LogLevel ofParam(@Nullable JsonNode value) {
        return parse(value != null && value.isString() ? value.asString() : null)
                .orElseThrow(() -> new JsonRpcException(
                        JsonRpcError.INVALID_PARAMS,
                        "level: " + value + " (expected: one of debug, info, notice, warning, error, critical,"
                                + " alert, emergency)"));
    }
}
