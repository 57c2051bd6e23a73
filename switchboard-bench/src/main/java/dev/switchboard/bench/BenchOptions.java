package dev.switchboard.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The settings of one wire benchmark run, parsed from the command line by hand (the module has no
 * CLI library).
 *
 * @param targets the transports to measure
 * @param contenders the clients to compare
 * @param callers the numbers of concurrent callers, each measured separately
 * @param rounds how many times every configuration is measured, interleaved
 * @param warmup the unmeasured calls before each measurement
 * @param measure how long each measurement lasts
 * @param initialWarmup how long a newly opened client and its server are exercised at least before
 *     the first round (JIT compilation)
 * @param initialWarmupCalls how many calls that initial warm-up makes at least (within a minute)
 * @param maxCalls the most calls of one measurement (and of one warm-up)
 * @param callTimeout how long one call may take before it counts as failed
 * @param serverClass the main class of the stdio server started as a child process
 * @param httpServerClass the main class of the HTTP server child process, run with {@code --http
 *     PORT}
 * @param serverJvmArgs extra JVM options of that child process
 * @param sdkVirtualThreads whether the SDK client's callers run on virtual threads (default:
 *     platform threads)
 */
record BenchOptions(
        Set<Target> targets,
        Set<Contender> contenders,
        List<Integer> callers,
        int rounds,
        Duration warmup,
        Duration measure,
        Duration initialWarmup,
        long initialWarmupCalls,
        long maxCalls,
        Duration callTimeout,
        String serverClass,
        String httpServerClass,
        List<String> serverJvmArgs,
        boolean sdkVirtualThreads) {

    static final String USAGE = """
            Usage: WireBenchmark [options]
              --quick                 seconds instead of minutes: 1 round, 0.5 s warm-up, 1 s measurement
              --rounds N              interleaved rounds per configuration (default 3)
              --warmup D              warm-up before each measurement, e.g. 1s, 500ms (default 1s)
              --measure D             length of each measurement (default 3s)
              --initial-warmup D      exercise each new client and server before round 1 (default 3s)
              --initial-warmup-calls N  and for at least N calls, within a minute (default 50000)
              --callers LIST          concurrent callers, e.g. 1,16,64 (default 1,16,64)
              --targets LIST          stdio,http (default both)
              --clients LIST          switchboard,sdk,sdk-serialized (default all; sdk-serialized is stdio only)
              --max-calls N           most calls per measurement (default 2000000)
              --call-timeout D        a call slower than this fails (default 10s)
              --server-class NAME     stdio server main class (default dev.switchboard.mcp.demo.DemoServer)
              --http-server-class NAME  HTTP server main class, run with --http PORT
                                      (default dev.switchboard.bench.DemoHttpServer: the demo server on McpHttpServer)
              --server-jvm-arg ARG    an extra JVM option for the server process (repeatable)
              --sdk-threads KIND      platform or virtual threads for the SDK's callers (default platform)
            """;

    /** Checks the values. */
    BenchOptions {
        if (targets.isEmpty() || contenders.isEmpty() || callers.isEmpty()) {
            throw new IllegalArgumentException("targets, clients and callers: empty (expected: at least one each)");
        }
        // enum sets keep the declared order, which is the order of the report
        targets = Collections.unmodifiableSet(EnumSet.copyOf(targets));
        contenders = Collections.unmodifiableSet(EnumSet.copyOf(contenders));
        callers = List.copyOf(callers);
        serverJvmArgs = List.copyOf(serverJvmArgs);
        for (int c : callers) {
            requireRange("callers", c, 1, 4096);
        }
        requireRange("rounds", rounds, 1, 100);
        requireRange("max-calls", maxCalls, 1, 100_000_000);
        requireRange("initial-warmup-calls", initialWarmupCalls, 0, 100_000_000);
        requirePositive("measure", measure);
        requirePositive("call-timeout", callTimeout);
    }

    /** The defaults: about four minutes on two cores. */
    static BenchOptions defaults() {
        return new BenchOptions(
                EnumSet.allOf(Target.class),
                EnumSet.allOf(Contender.class),
                List.of(1, 16, 64),
                3,
                Duration.ofSeconds(1),
                Duration.ofSeconds(3),
                Duration.ofSeconds(3),
                50_000,
                2_000_000,
                Duration.ofSeconds(10),
                "dev.switchboard.mcp.demo.DemoServer",
                "dev.switchboard.bench.DemoHttpServer",
                List.of(),
                false);
    }

    /**
     * Parses {@code args} over the defaults; {@code --quick} first sets the short timings, later
     * options override them.
     *
     * @throws IllegalArgumentException with the offending option and what was expected
     */
    static BenchOptions parse(String... args) {
        Builder b = new Builder(defaults());
        parseInto(args, b::quick, b::set);
        return b.build();
    }

    /**
     * Reads {@code args} as {@code --quick} (calling {@code quick}) and {@code --NAME VALUE} pairs
     * (calling {@code set}), in order.
     *
     * @throws IllegalArgumentException for an option without its value, or what {@code set} throws
     */
    static void parseInto(String[] args, Runnable quick, BiConsumer<String, String> set) {
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--quick")) {
                quick.run();
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + ": no value (expected: " + name + " VALUE, see --help)");
            }
            set.accept(name, args[++i]);
        }
    }

    /** Whether {@code contender} takes part in measurements of {@code target}. */
    boolean measures(Target target, Contender contender) {
        return contenders.contains(contender) && contender.supports(target);
    }

    private static final class Builder {
        private Set<Target> targets;
        private Set<Contender> contenders;
        private List<Integer> callers;
        private int rounds;
        private Duration warmup;
        private Duration measure;
        private Duration initialWarmup;
        private long initialWarmupCalls;
        private long maxCalls;
        private Duration callTimeout;
        private String serverClass;
        private String httpServerClass;
        private final List<String> serverJvmArgs;
        private boolean sdkVirtualThreads;

        Builder(BenchOptions o) {
            targets = o.targets;
            contenders = o.contenders;
            callers = o.callers;
            rounds = o.rounds;
            warmup = o.warmup;
            measure = o.measure;
            initialWarmup = o.initialWarmup;
            initialWarmupCalls = o.initialWarmupCalls;
            maxCalls = o.maxCalls;
            callTimeout = o.callTimeout;
            serverClass = o.serverClass;
            httpServerClass = o.httpServerClass;
            serverJvmArgs = new ArrayList<>(o.serverJvmArgs);
            sdkVirtualThreads = o.sdkVirtualThreads;
        }

        void quick() {
            rounds = 1;
            warmup = Duration.ofMillis(500);
            measure = Duration.ofSeconds(1);
            initialWarmup = Duration.ofSeconds(1);
            initialWarmupCalls = 5_000;
        }

        void set(String name, String value) {
            switch (name) {
                case "--rounds" -> rounds = parseInt(name, value);
                case "--warmup" -> warmup = parseDuration(name, value);
                case "--measure" -> measure = parseDuration(name, value);
                case "--initial-warmup" -> initialWarmup = parseDuration(name, value);
                case "--initial-warmup-calls" -> initialWarmupCalls = parseInt(name, value);
                case "--callers" ->
                    callers = parseList(value).stream()
                            .map(v -> parseInt(name, v))
                            .toList();
                case "--targets" -> targets = parseEnums(name, value, Target.class);
                case "--clients" -> contenders = parseEnums(name, value, Contender.class);
                case "--max-calls" -> maxCalls = parseInt(name, value);
                case "--call-timeout" -> callTimeout = parseDuration(name, value);
                case "--server-class" -> serverClass = value;
                case "--http-server-class" -> httpServerClass = value;
                case "--server-jvm-arg" -> serverJvmArgs.add(value);
                case "--sdk-threads" -> sdkVirtualThreads = parseThreads(name, value);
                default -> throw new IllegalArgumentException("option: " + name + " (expected: one of --help)");
            }
        }

        BenchOptions build() {
            return new BenchOptions(
                    targets,
                    contenders,
                    callers,
                    rounds,
                    warmup,
                    measure,
                    initialWarmup,
                    initialWarmupCalls,
                    maxCalls,
                    callTimeout,
                    serverClass,
                    httpServerClass,
                    serverJvmArgs,
                    sdkVirtualThreads);
        }
    }

    private static boolean parseThreads(String name, String value) {
        return switch (value) {
            case "virtual" -> true;
            case "platform" -> false;
            default -> throw new IllegalArgumentException(name + ": " + value + " (expected: platform or virtual)");
        };
    }

    static List<String> parseList(String value) {
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    static <E extends Enum<E>> Set<E> parseEnums(String name, String value, Class<E> type) {
        EnumSet<E> set = EnumSet.noneOf(type);
        for (String item : parseList(value)) {
            try {
                set.add(Enum.valueOf(type, item.toUpperCase(Locale.ROOT).replace('-', '_')));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ": " + item + " (expected: one of "
                        + Arrays.stream(type.getEnumConstants())
                                .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                                .toList()
                        + ")");
            }
        }
        return set;
    }

    static int parseInt(String name, String value) {
        try {
            return Integer.parseInt(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: an integer)");
        }
    }

    /** Parses {@code 500ms}, {@code 3s} or {@code 2m}. */
    static Duration parseDuration(String name, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            if (v.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
            }
            if (v.endsWith("m")) {
                return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)) * 60);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + ": " + value + " (expected: a duration such as 500ms, 3s or 2m)");
    }

    static void requireRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: " + min + ".." + max + ")");
        }
    }

    static void requirePositive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: a positive duration)");
        }
    }
}
