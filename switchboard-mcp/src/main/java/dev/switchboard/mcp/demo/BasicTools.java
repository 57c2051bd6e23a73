package dev.switchboard.mcp.demo;

import dev.switchboard.mcp.protocol.LogLevel;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The everyday tools: {@code echo} (the benchmark tool), {@code add} and {@code slow}. Stateless. */
final class BasicTools {
    /** The longest {@code slow} may sleep: 10 minutes. */
    static final long MAX_SLOW_MS = 600_000;

    private BasicTools() {}

    static List<Tool> tools() {
        return List.of(echo(), add(), slow());
    }

    private static Tool echo() {
        return Tool.of(
                "echo",
                "Returns the message it is given, as text.",
                Schemas.object()
                        .property("message", "string", "The text to send back", true)
                        .build(),
                call -> Content.textResult(call.string("message")));
    }

    private static Tool add() {
        ObjectNode output =
                Schemas.object().property("sum", "number", "a + b", true).build();
        return new Tool(
                "add",
                "Adds two numbers; returns the sum as text and as structuredContent {\"sum\": n}.",
                Schemas.object()
                        .property("a", "number", "The first number", true)
                        .property("b", "number", "The second number", true)
                        .build(),
                output,
                BasicTools::add);
    }

    private static ObjectNode add(ToolCall call) {
        BigDecimal sum = call.number("a").decimalValue().add(call.number("b").decimalValue());
        JsonNode number = number(sum);
        ObjectNode result = Content.textResult(number.toString());
        result.putObject("structuredContent").set("sum", number);
        return result;
    }

    /** An integral sum as an integer (5, not 5.0), any other as a double. */
    private static JsonNode number(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
            return JsonNodeFactory.instance.numberNode(stripped.longValueExact());
        }
        return JsonNodeFactory.instance.numberNode(value.doubleValue());
    }

    private static Tool slow() {
        return Tool.of(
                "slow",
                "Waits the given number of milliseconds, then answers; stops at once when the call is"
                        + " cancelled, and then sends an info log message saying so.",
                Schemas.object()
                        .property("ms", "integer", "How long to wait, in milliseconds (0 to 600000)", true)
                        .build(),
                BasicTools::slow);
    }

    private static ObjectNode slow(ToolCall call) throws InterruptedException {
        long ms = call.integer("ms", -1, 0, MAX_SLOW_MS);
        if (ms < 0) {
            throw new ToolException("ms: null (expected: an integer from 0 to " + MAX_SLOW_MS + ")");
        }
        long start = System.nanoTime();
        if (!call.pause(Duration.ofMillis(ms))) {
            long waited = Duration.ofNanos(System.nanoTime() - start).toMillis();
            // The call's own stream is gone once it is cancelled, so the log goes to the session.
            call.state().log(LogLevel.INFO, "slow: cancelled after " + waited + " ms of " + ms, null);
            return Content.errorResult("cancelled after " + waited + " ms");
        }
        return Content.textResult("waited " + ms + " ms");
    }
}
