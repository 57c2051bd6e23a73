package dev.switchboard.server.cli;

import java.io.PrintWriter;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;

/** The {@code --args} of {@code call}: one JSON object. */
final class ToolArguments {
    private static final String EXPECTED = "(expected: a JSON object, such as {\"message\": \"hi\"})";
    private static final int MAX_SHOWN = 60;

    private ToolArguments() {}

    /** The object {@code text} holds, or {@code null} after printing one line saying what is wrong. */
    static @Nullable JsonNode parse(String text, PrintWriter err) {
        JsonNode node;
        try {
            node = PrettyJson.read(text);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null || at.getColumnNr() < 1 ? "" : " at column " + at.getColumnNr();
            String message = e.getOriginalMessage();
            String reason = message == null
                    ? e.getClass().getSimpleName()
                    // Jackson's wording names its own classes and settings
                    : message.startsWith("Trailing token") ? "more after the first value" : message;
            err.println("call: --args: not JSON" + where + ": " + Names.firstLine(reason) + " " + EXPECTED);
            err.flush();
            return null;
        }
        if (node == null || !node.isObject()) {
            String shown = node == null || node.isMissingNode() ? "(nothing)" : node.toString();
            if (shown.length() > MAX_SHOWN) {
                shown = shown.substring(0, MAX_SHOWN) + "…";
            }
            err.println("call: --args: " + shown + " " + EXPECTED);
            err.flush();
            return null;
        }
        return node;
    }
}
