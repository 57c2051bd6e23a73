package dev.switchboard.bench.load;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command line of {@link LoadGenerator}, parsed by hand (the module has no CLI library). The
 * TypeScript load generator {@code interop/load-ts.mjs} takes the same options.
 *
 * @param url the Streamable HTTP endpoint, or {@code null} for a stdio target
 * @param command the stdio server's command line, started once per session; empty for a URL
 * @param sessions concurrent sessions, each calling the tool in a loop
 * @param duration the measured time
 * @param warmup the unmeasured time before it; may be zero
 * @param maxCalls the most measured calls, and again the most warm-up calls
 * @param tool the tool to call
 * @param arguments the tool's arguments, a JSON object
 * @param expect text the first text content of every result must contain, or {@code null}
 * @param cold whether every call opens (and closes) a session of its own
 * @param idle whether the sessions make no calls: opened, held for the warm-up and the duration,
 *     closed (to measure what idle sessions cost the target, with {@code watchPid})
 * @param callTimeout how long a call, or the opening of a session, may take before it fails
 * @param watchPid a process whose CPU time and memory to report (0: none)
 * @param label free text copied into the JSON line
 * @param quiet whether to print only the JSON line
 */
record LoadOptions(
        @Nullable URI url,
        List<String> command,
        int sessions,
        Duration duration,
        Duration warmup,
        long maxCalls,
        String tool,
        String arguments,
        @Nullable String expect,
        boolean cold,
        boolean idle,
        Duration callTimeout,
        long watchPid,
        String label,
        boolean quiet) {

    static final String USAGE = """
            Usage: LoadGenerator (--url URL | --command "CMD ARGS" | -- CMD ARGS...) [options]
              --url URL             a Streamable HTTP MCP endpoint
              --command "CMD ARGS"  a stdio server, started once per session (split on spaces)
              -- CMD ARGS...        the same, one argument per word; ends the options
              --sessions N          concurrent MCP sessions, each calling the tool in a loop (default 1, 1..1024)
              --duration D          measured time: 10s, 500ms, 2m, or seconds (default 10s, at most 10m)
              --warmup D            unmeasured time before it (default 2s, at most 5m; 0 for none)
              --max-calls N         most measured calls, and most warm-up calls (default 1000000)
              --tool NAME           the tool to call (default echo)
              --args JSON           its arguments, a JSON object (default {"message":"hi"})
              --expect TEXT         a call succeeds only when its first text content contains TEXT
              --cold                a new session per call: connect, initialize, call, close
              --idle                open the sessions, make no calls, hold them for warm-up + duration
                                    (up to 10000 sessions; with --watch-pid: the target's memory)
              --call-timeout D      a call or a connect slower than this fails (default 10s)
              --watch-pid PID       report that process's CPU time per call and memory (Linux /proc)
              --label TEXT          copied into the JSON line
              --quiet               print only the JSON line
            Prints calls/s, latency percentiles and errors by kind, then one JSON line.
            """;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration MAX_DURATION = Duration.ofMinutes(10);
    private static final Duration MAX_WARMUP = Duration.ofMinutes(5);
    private static final int MAX_SESSIONS = 1024;
    private static final int MAX_IDLE_SESSIONS = 10_000;

    /** Checks the values. */
    LoadOptions {
        command = List.copyOf(command);
        if ((url == null) == command.isEmpty()) {
            throw new IllegalArgumentException(
                    "target: " + (url == null ? "none" : "both") + " (expected: --url URL or a stdio command)");
        }
        if (url != null && !"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException("--url: " + url + " (expected: an http or https URL)");
        }
        requireRange("--sessions", sessions, 1, idle ? MAX_IDLE_SESSIONS : MAX_SESSIONS);
        if (idle && cold) {
            throw new IllegalArgumentException("--idle: with --cold (expected: one of them)");
        }
        requireRange("--max-calls", maxCalls, 1, 1_000_000_000);
        requireDuration("--duration", duration, Duration.ofMillis(1), MAX_DURATION);
        requireDuration("--warmup", warmup, Duration.ZERO, MAX_WARMUP);
        requireDuration("--call-timeout", callTimeout, Duration.ofMillis(1), Duration.ofMinutes(10));
        requireRange("--watch-pid", watchPid, 0, Long.MAX_VALUE);
        if (tool.isBlank()) {
            throw new IllegalArgumentException("--tool: \"\" (expected: a tool name)");
        }
        parseArguments(arguments);
    }

    /**
     * Parses {@code args}.
     *
     * @throws IllegalArgumentException naming the offending option and what was expected
     */
    static LoadOptions parse(String... args) {
        Builder b = new Builder();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            switch (name) {
                case "--" -> {
                    b.command = List.of(Arrays.copyOfRange(args, i + 1, args.length));
                    i = args.length;
                }
                case "--cold" -> b.cold = true;
                case "--idle" -> b.idle = true;
                case "--quiet" -> b.quiet = true;
                default -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(name + ": no value (expected: " + name + " VALUE)");
                    }
                    b.set(name, args[++i]);
                }
            }
        }
        return b.build();
    }

    /** The tool's arguments as a JSON object. */
    JsonNode argumentsJson() {
        return parseArguments(arguments);
    }

    /** {@code pooled}, {@code cold} or {@code idle}. */
    String mode() {
        return cold ? "cold" : idle ? "idle" : "pooled";
    }

    /** The URL, or {@code stdio:} and the command line. */
    String target() {
        return url != null ? url.toString() : "stdio:" + String.join(" ", command);
    }

    private static JsonNode parseArguments(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JacksonException e) {
            // reported below
        }
        throw new IllegalArgumentException("--args: " + text + " (expected: a JSON object)");
    }

    /** Parses {@code 500ms}, {@code 3s}, {@code 1.5s}, {@code 2m} or a number of seconds. */
    static Duration parseDuration(String name, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            if (v.endsWith("m")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 60_000));
            }
            String seconds = v.endsWith("s") ? v.substring(0, v.length() - 1) : v;
            double s = Double.parseDouble(seconds);
            if (s >= 0 && s < 1e6) {
                return Duration.ofMillis(Math.round(s * 1000));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + ": " + value + " (expected: a duration such as 500ms, 3s or 2m)");
    }

    private static long parseLong(String name, String value) {
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: an integer)");
        }
    }

    private static void requireRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: " + min + ".." + max + ")");
        }
    }

    private static void requireDuration(String name, Duration value, Duration min, Duration max) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: " + min + ".." + max + ")");
        }
    }

    private static final class Builder {
        private @Nullable URI url;
        private List<String> command = List.of();
        private int sessions = 1;
        private Duration duration = Duration.ofSeconds(10);
        private Duration warmup = Duration.ofSeconds(2);
        private long maxCalls = 1_000_000;
        private String tool = "echo";
        private String arguments = "{\"message\":\"hi\"}";
        private @Nullable String expect;
        private boolean cold;
        private boolean idle;
        private Duration callTimeout = Duration.ofSeconds(10);
        private long watchPid;
        private String label = "";
        private boolean quiet;

        void set(String name, String value) {
            switch (name) {
                case "--url" -> url = parseUrl(value);
                case "--command" -> command = words(value);
                case "--sessions" -> sessions = (int) Math.min(Integer.MAX_VALUE, parseLong(name, value));
                case "--duration" -> duration = parseDuration(name, value);
                case "--warmup" -> warmup = parseDuration(name, value);
                case "--max-calls" -> maxCalls = parseLong(name, value);
                case "--tool" -> tool = value;
                case "--args" -> arguments = value;
                case "--expect" -> expect = value;
                case "--call-timeout" -> callTimeout = parseDuration(name, value);
                case "--watch-pid" -> watchPid = parseLong(name, value);
                case "--label" -> label = value;
                default -> throw new IllegalArgumentException("option: " + name + " (expected: one of --help)");
            }
        }

        LoadOptions build() {
            return new LoadOptions(
                    url,
                    command,
                    sessions,
                    duration,
                    warmup,
                    maxCalls,
                    tool,
                    arguments,
                    expect,
                    cold,
                    idle,
                    callTimeout,
                    watchPid,
                    label,
                    quiet);
        }

        private static URI parseUrl(String value) {
            try {
                return URI.create(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--url: " + value + " (expected: an http or https URL)", e);
            }
        }

        private static List<String> words(String value) {
            List<String> words = new ArrayList<>();
            for (String w : value.trim().split("\\s+")) {
                if (!w.isEmpty()) {
                    words.add(w);
                }
            }
            if (words.isEmpty()) {
                throw new IllegalArgumentException(
                        "--command: \"" + value + "\" (expected: a program and its arguments)");
            }
            return words;
        }
    }
}
