package dev.switchboard.bench;

import dev.switchboard.mcp.McpRuntime;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;

/**
 * What each benchmark's {@code main} does around its measurement: {@code --help}, a bad option
 * (status 2 with the usage), the machine line, child processes stopped on every way out (also when
 * the JVM is interrupted), and a failure (status 1 with its cause).
 */
final class BenchMain {
    /** A measurement over parsed options and a runtime, printing its report. */
    @FunctionalInterface
    interface Measurement<O> {
        void run(O options, McpRuntime runtime) throws Exception;
    }

    private BenchMain() {}

    /**
     * Runs {@code measurement} with the options {@code parse} makes of {@code args}.
     *
     * @param name the benchmark's name, at the start of its error lines
     * @return 0, 1 when it could not run, or 2 for bad options
     */
    static <O> int run(
            String name,
            String usage,
            String[] args,
            PrintStream out,
            PrintStream err,
            Function<String[], O> parse,
            Measurement<O> measurement) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.print(usage);
            return 0;
        }
        O options;
        try {
            options = parse.apply(args);
        } catch (IllegalArgumentException e) {
            err.println(name + ": " + e.getMessage());
            err.print(usage);
            return 2;
        }
        Thread reaper = new Thread(ChildProcesses::stopAll, "bench-child-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
        try (McpRuntime runtime = new McpRuntime()) {
            err.println(WireBenchmark.machine());
            measurement.run(options, runtime);
            return 0;
        } catch (Exception e) {
            err.println(name + ": failed: " + LoadRun.describe(e));
            e.printStackTrace(err);
            return 1;
        } finally {
            ChildProcesses.stopAll();
            try {
                Runtime.getRuntime().removeShutdownHook(reaper);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
    }
}
