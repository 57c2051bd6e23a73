package dev.switchboard.mcp.demo;

import dev.switchboard.mcp.protocol.LogLevel;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tools that talk while they run: log messages ({@code notifications/message}, filtered by the
 * session's {@code logging/setLevel}) and progress ({@code notifications/progress}, echoing the
 * caller's token as sent). Every message travels with the call. Stateless.
 */
final class NotifyingTools {
    private static final Duration STEP = Duration.ofMillis(50);

    private NotifyingTools() {}

    static List<Tool> tools() {
        return List.of(
                Tool.of(
                        "test_tool_with_logging",
                        "Sends three info log messages while it runs, 50 ms apart.",
                        Schemas.empty(),
                        NotifyingTools::withLogging),
                Tool.of(
                        "test_tool_with_progress",
                        "Reports progress 0, 50 and 100 of 100, 50 ms apart; returns the progress token.",
                        Schemas.empty(),
                        NotifyingTools::withProgress),
                Tool.of(
                        "progress",
                        "Reports progress for each of the given steps, waiting delayMs before each.",
                        Schemas.object()
                                .property("steps", "integer", "How many steps (1 to 100; default 3)", false)
                                .property(
                                        "delayMs",
                                        "integer",
                                        "Wait before each step, ms (0 to 10000; default 0)",
                                        false)
                                .build(),
                        NotifyingTools::progress),
                Tool.of(
                        "log",
                        "Sends one log message at each level from debug to emergency; the client receives"
                                + " those at or above the level it set with logging/setLevel.",
                        Schemas.empty(),
                        NotifyingTools::logAllLevels));
    }

    private static ObjectNode withLogging(ToolCall call) throws InterruptedException {
        call.log(LogLevel.INFO, "Tool execution started");
        call.pause(STEP);
        call.log(LogLevel.INFO, "Tool processing data");
        call.pause(STEP);
        call.log(LogLevel.INFO, "Tool execution completed");
        return Content.textResult("Tool with logging executed successfully");
    }

    private static ObjectNode withProgress(ToolCall call) throws InterruptedException {
        for (int step = 0; step <= 100; step += 50) {
            if (step > 0 && !call.pause(STEP)) {
                break;
            }
            call.incoming().progress(step, 100.0, "Completed step " + step + " of 100");
        }
        JsonNode token = call.incoming().progressToken();
        return Content.textResult(token == null ? "no progress token" : token.asString());
    }

    private static ObjectNode progress(ToolCall call) throws InterruptedException {
        long steps = call.integer("steps", 3, 1, 100);
        Duration delay = Duration.ofMillis(call.integer("delayMs", 0, 0, 10_000));
        for (long step = 1; step <= steps; step++) {
            if (!call.pause(delay)) {
                return Content.errorResult("cancelled at step " + step + " of " + steps);
            }
            call.incoming().progress(step, (double) steps, "step " + step + " of " + steps);
        }
        return Content.textResult("completed " + steps + " steps");
    }

    private static ObjectNode logAllLevels(ToolCall call) {
        int sent = 0;
        for (LogLevel level : LogLevel.values()) {
            if (level.passes(call.state().minimumLevel())) {
                sent++;
            }
            call.log(level, level.wire() + " message");
        }
        return Content.textResult("sent " + sent + " of " + LogLevel.values().length + " log messages");
    }
}
