package dev.switchboard.mcp.server.http;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a client's {@code Accept} header allows: JSON, an event stream, or both. A missing header
 * accepts everything.
 *
 * @param json whether {@code application/json} is acceptable
 * @param eventStream whether {@code text/event-stream} is acceptable
 */
record AcceptHeader(boolean json, boolean eventStream) {

    /** Parses the values of the {@code Accept} header(s); media ranges with {@code q=0} are refused. */
    static AcceptHeader parse(@Nullable List<String> values) {
        if (values == null || values.isEmpty()) {
            return new AcceptHeader(true, true);
        }
        boolean json = false;
        boolean sse = false;
        for (String value : values) {
            for (String range : value.split(",", -1)) {
                String[] parts = range.split(";", -1);
                String type = parts[0].trim().toLowerCase(Locale.ROOT);
                if (type.isEmpty() || refused(parts)) {
                    continue;
                }
                json |= type.equals("application/json") || type.equals("application/*") || type.equals("*/*");
                sse |= type.equals("text/event-stream") || type.equals("text/*") || type.equals("*/*");
            }
        }
        return new AcceptHeader(json, sse);
    }

    private static boolean refused(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim().toLowerCase(Locale.ROOT);
            if (p.startsWith("q=")) {
                try {
                    return Double.parseDouble(p.substring(2)) <= 0;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return false;
    }
}
