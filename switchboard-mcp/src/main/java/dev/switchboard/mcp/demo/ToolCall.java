package dev.switchboard.mcp.demo;

import dev.switchboard.mcp.protocol.LogLevel;
import dev.switchboard.mcp.server.ServerRequest;
import dev.switchboard.mcp.session.IncomingRequest;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One call of a tool: its arguments, the request it came with, and the caller's session state.
 * Argument readers throw {@link ToolException} with a message in the form {@code name: value
 * (expected: constraint)}.
 *
 * @param request the {@code tools/call} request
 * @param arguments the call's arguments (empty when absent)
 * @param state the calling session's state
 */
record ToolCall(ServerRequest request, ObjectNode arguments, DemoSessionState state) {

    /** The incoming request, for progress, notifications, nested requests and cancellation. */
    IncomingRequest incoming() {
        return request.incoming();
    }

    /** A required string argument. */
    String string(String name) {
        JsonNode value = arguments.get(name);
        if (value == null || !value.isString()) {
            throw new ToolException(name + ": " + value + " (expected: a string)");
        }
        return value.asString();
    }

    /** A required number argument. */
    JsonNode number(String name) {
        JsonNode value = arguments.get(name);
        if (value == null || !value.isNumber()) {
            throw new ToolException(name + ": " + value + " (expected: a number)");
        }
        return value;
    }

    /** An integer argument within [min, max], or {@code fallback} when absent. */
    long integer(String name, long fallback, long min, long max) {
        JsonNode value = arguments.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isNumber() || !value.canConvertToExactIntegral() || !value.canConvertToLong()) {
            throw new ToolException(name + ": " + value + " (expected: an integer from " + min + " to " + max + ")");
        }
        long n = value.asLong();
        if (n < min || n > max) {
            throw new ToolException(name + ": " + n + " (expected: an integer from " + min + " to " + max + ")");
        }
        return n;
    }

    /** An optional string argument. */
    @Nullable
    String optionalString(String name) {
        JsonNode value = arguments.get(name);
        return value != null && value.isString() ? value.asString() : null;
    }

    /** Sends a log message about this call, when the session's level lets it through. */
    void log(LogLevel level, String data) {
        state.log(level, data, incoming());
    }

    /**
     * Waits {@code duration}, returning early when the call is cancelled.
     *
     * @return whether the whole duration passed (false: the call was cancelled)
     */
    boolean pause(Duration duration) throws InterruptedException {
        if (incoming().isCancelled()) {
            return false;
        }
        if (duration.isZero() || duration.isNegative()) {
            return true;
        }
        CountDownLatch cancelled = new CountDownLatch(1);
        incoming().onCancel(cancelled::countDown);
        return !cancelled.await(duration.toNanos(), TimeUnit.NANOSECONDS);
    }
}
