package dev.switchboard.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The settings of one pooled-versus-cold run, parsed from the command line by hand (the module has
 * no CLI library). Every measurement is bounded by its time and its call budget.
 *
 * @param targets the transports to measure
 * @param callers concurrent callers, each measured separately
 * @param rounds how many times every configuration is measured, interleaved
 * @param pooledWarmup unmeasured pooled calls before each pooled measurement
 * @param pooledMeasure how long a pooled measurement lasts
 * @param pooledMaxCalls the most calls of one pooled measurement
 * @param coldWarmup unmeasured cold calls before each cold measurement
 * @param coldMeasure how long a cold measurement lasts
 * @param coldMaxCalls the most calls of one cold measurement
 * @param initialWarmup how long each transport is exercised, pooled and cold, before round 1
 * @param callTimeout how long one call, connection and handshake included, may take
 * @param serverJvmArgs extra JVM options of the demo server's processes
 */
record PooledVsColdOptions(
        Set<Target> targets,
        List<Integer> callers,
        int rounds,
        Duration pooledWarmup,
        Duration pooledMeasure,
        long pooledMaxCalls,
        Duration coldWarmup,
        Duration coldMeasure,
        long coldMaxCalls,
        Duration initialWarmup,
        Duration callTimeout,
        List<String> serverJvmArgs) {

    static final String USAGE = """
            Usage: PooledVsColdBenchmark [options]
              --quick                  a smoke test: 1 round, short windows
              --rounds N               interleaved rounds (default 3)
              --targets LIST           stdio,http (default both)
              --callers LIST           concurrent callers, e.g. 1,4 (default 1)
              --pooled-warmup D        unmeasured pooled calls before each measurement (default 1s)
              --pooled-measure D       length of a pooled measurement (default 3s)
              --pooled-max-calls N     most calls of a pooled measurement (default 1000000)
              --cold-warmup D          unmeasured cold calls before each measurement (default 1s)
              --cold-measure D         length of a cold measurement (default 6s)
              --cold-max-calls N       most calls of a cold measurement (default 20000)
              --initial-warmup D       exercise each transport, pooled and cold, before round 1 (default 5s;
                                       pooled also for 20000 calls at least, within 30 s)
              --call-timeout D         a call (with connect and initialize) slower than this fails (default 30s)
              --server-jvm-arg ARG     an extra JVM option for the demo server's processes (repeatable)
            """;

    /** Checks the values. */
    PooledVsColdOptions {
        if (targets.isEmpty() || callers.isEmpty()) {
            throw new IllegalArgumentException("targets and callers: empty (expected: at least one each)");
        }
        targets = Collections.unmodifiableSet(EnumSet.copyOf(targets));
        callers = List.copyOf(callers);
        serverJvmArgs = List.copyOf(serverJvmArgs);
        for (int c : callers) {
            BenchOptions.requireRange("callers", c, 1, 64);
        }
        BenchOptions.requireRange("rounds", rounds, 1, 100);
        BenchOptions.requireRange("pooled-max-calls", pooledMaxCalls, 1, 100_000_000);
        BenchOptions.requireRange("cold-max-calls", coldMaxCalls, 1, 1_000_000);
        BenchOptions.requirePositive("pooled-measure", pooledMeasure);
        BenchOptions.requirePositive("cold-measure", coldMeasure);
        BenchOptions.requirePositive("call-timeout", callTimeout);
    }

    /** The defaults: about three minutes on two loaded cores. */
    static PooledVsColdOptions defaults() {
        return new PooledVsColdOptions(
                EnumSet.allOf(Target.class),
                List.of(1),
                3,
                Duration.ofSeconds(1),
                Duration.ofSeconds(3),
                1_000_000,
                Duration.ofSeconds(1),
                Duration.ofSeconds(6),
                20_000,
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                List.of());
    }

    /**
     * Parses {@code args} over the defaults; {@code --quick} first sets short timings, later options
     * override them.
     *
     * @throws IllegalArgumentException with the offending option and what was expected
     */
    static PooledVsColdOptions parse(String... args) {
        Builder b = new Builder(defaults());
        BenchOptions.parseInto(args, b::quick, b::set);
        return b.build();
    }

    private static final class Builder {
        private Set<Target> targets;
        private List<Integer> callers;
        private int rounds;
        private Duration pooledWarmup;
        private Duration pooledMeasure;
        private long pooledMaxCalls;
        private Duration coldWarmup;
        private Duration coldMeasure;
        private long coldMaxCalls;
        private Duration initialWarmup;
        private Duration callTimeout;
        private final List<String> serverJvmArgs;

        Builder(PooledVsColdOptions o) {
            targets = o.targets;
            callers = o.callers;
            rounds = o.rounds;
            pooledWarmup = o.pooledWarmup;
            pooledMeasure = o.pooledMeasure;
            pooledMaxCalls = o.pooledMaxCalls;
            coldWarmup = o.coldWarmup;
            coldMeasure = o.coldMeasure;
            coldMaxCalls = o.coldMaxCalls;
            initialWarmup = o.initialWarmup;
            callTimeout = o.callTimeout;
            serverJvmArgs = new ArrayList<>(o.serverJvmArgs);
        }

        void quick() {
            rounds = 1;
            pooledWarmup = Duration.ofMillis(500);
            pooledMeasure = Duration.ofSeconds(1);
            coldWarmup = Duration.ofMillis(500);
            coldMeasure = Duration.ofSeconds(2);
            initialWarmup = Duration.ofSeconds(1);
        }

        void set(String name, String value) {
            switch (name) {
                case "--rounds" -> rounds = BenchOptions.parseInt(name, value);
                case "--targets" -> targets = BenchOptions.parseEnums(name, value, Target.class);
                case "--callers" ->
                    callers = BenchOptions.parseList(value).stream()
                            .map(v -> BenchOptions.parseInt(name, v))
                            .toList();
                case "--pooled-warmup" -> pooledWarmup = BenchOptions.parseDuration(name, value);
                case "--pooled-measure" -> pooledMeasure = BenchOptions.parseDuration(name, value);
                case "--pooled-max-calls" -> pooledMaxCalls = BenchOptions.parseInt(name, value);
                case "--cold-warmup" -> coldWarmup = BenchOptions.parseDuration(name, value);
                case "--cold-measure" -> coldMeasure = BenchOptions.parseDuration(name, value);
                case "--cold-max-calls" -> coldMaxCalls = BenchOptions.parseInt(name, value);
                case "--initial-warmup" -> initialWarmup = BenchOptions.parseDuration(name, value);
                case "--call-timeout" -> callTimeout = BenchOptions.parseDuration(name, value);
                case "--server-jvm-arg" -> serverJvmArgs.add(value);
                default -> throw new IllegalArgumentException("option: " + name + " (expected: one of --help)");
            }
        }

        PooledVsColdOptions build() {
            return new PooledVsColdOptions(
                    targets,
                    callers,
                    rounds,
                    pooledWarmup,
                    pooledMeasure,
                    pooledMaxCalls,
                    coldWarmup,
                    coldMeasure,
                    coldMaxCalls,
                    initialWarmup,
                    callTimeout,
                    serverJvmArgs);
        }
    }
}
