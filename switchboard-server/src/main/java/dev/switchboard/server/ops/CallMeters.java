package dev.switchboard.server.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The gateway's own call meter: its name and tag keys are here and nowhere else. Tags stay
 * low-cardinality: the server's name and the outcome; never the user, the session or the tool's
 * arguments.
 */
final class CallMeters {
    /** Latency of tool calls as the gateway saw them, in seconds; Prometheus {@code switchboard_gateway_calls_seconds}. */
    static final String CALLS = "switchboard.gateway.calls";

    static final String TAG_SERVER = "server";
    static final String TAG_OUTCOME = "outcome";

    private static final Duration[] BUCKETS = {
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2500),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofSeconds(60)
    };

    private CallMeters() {}

    /** The timer of {@code server}'s calls with {@code outcome}; Micrometer caches it after the first call. */
    static Timer timer(MeterRegistry registry, String server, String outcome) {
        return Timer.builder(CALLS)
                .description("Tool calls through the gateway, by server and outcome")
                .tag(TAG_SERVER, server)
                .tag(TAG_OUTCOME, outcome)
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    /** {@code value} as a log field: bare when it is a plain word, else in double quotes with quotes escaped. */
    static String quoted(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(Character.isLetterOrDigit(c)
                    || c == '_'
                    || c == '-'
                    || c == '.'
                    || c == '@'
                    || c == ':'
                    || c == '/')) {
                return "\""
                        + value.replace("\\", "\\\\")
                                .replace("\"", "\\\"")
                                .replace("\n", "\\n")
                                .replace("\r", "\\r") + "\"";
            }
        }
        return value.isEmpty() ? "\"\"" : value;
    }
}
