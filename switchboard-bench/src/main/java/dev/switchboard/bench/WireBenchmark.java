package dev.switchboard.bench;

import dev.switchboard.mcp.McpRuntime;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Measures the {@code echo} tool of the demo server, called by Switchboard's client and by the MCP
 * Java SDK's client, over stdio (each client starts its own server process with the same command)
 * and over Streamable HTTP (one server process both clients share), with 1, 16 and 64 concurrent
 * callers. Rounds are interleaved (every client in every configuration, then again), the order of
 * the clients alternating between rounds, so that a noisy machine hurts both alike. Prints progress
 * to stderr, then a Markdown table and one JSON line per configuration to stdout.
 *
 * <p>Run it with {@code switchboard-bench/run-wire-benchmark.sh [--quick] [options]}; {@code
 * --help} lists the options.
 */
public final class WireBenchmark {
    /** The longest initial warm-up of one client, whatever the call count reached. */
    static final Duration MAX_INITIAL_WARMUP = Duration.ofSeconds(60);

    private final BenchOptions options;
    private final McpRuntime runtime;
    private final ServerCommand command;
    private final PrintStream progress;
    private final Report report = new Report();
    private final CpuMeter cpu = new CpuMeter();

    private WireBenchmark(BenchOptions options, McpRuntime runtime, PrintStream progress) {
        this.options = options;
        this.runtime = runtime;
        this.command = ServerCommand.ofThisJvm(options);
        this.progress = progress;
    }

    /** Runs the benchmark; exits with 0, or 2 for bad options, or 1 when it could not run. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return BenchMain.run(
                "wire-benchmark",
                BenchOptions.USAGE,
                args,
                out,
                err,
                BenchOptions::parse,
                (options, runtime) -> print(new WireBenchmark(options, runtime, err).measure(), options, out));
    }

    private Report measure() throws Exception {
        for (Target target : options.targets()) {
            List<Contender> contenders = options.contenders().stream()
                    .filter(c -> options.measures(target, c))
                    .toList();
            if (!contenders.isEmpty()) {
                measure(target, contenders);
            }
        }
        return report;
    }

    private void measure(Target target, List<Contender> contenders) throws Exception {
        HttpServerProcess server = null;
        try {
            URI url = null;
            if (target == Target.HTTP) {
                server = HttpServerProcess.start(command);
                url = server.url();
                progress.println("http server: pid " + server.pid() + " at " + url);
            }
            try (OpenClients clients = new OpenClients(new ClientFactory(options, runtime, command, url), target)) {
                warmUp(target, contenders, clients);
                for (int round = 1; round <= options.rounds(); round++) {
                    List<Contender> order = new ArrayList<>(contenders);
                    if (round % 2 == 0) {
                        Collections.reverse(order);
                    }
                    for (int callers : options.callers()) {
                        for (Contender contender : order) {
                            RunResult result = runOnce(clients, contender, callers, options.warmup());
                            report.add(target, contender, result);
                            log(target, contender, round, result);
                        }
                    }
                }
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    /**
     * Exercises each new client and its server, unmeasured, until both the initial warm-up time and
     * call count are reached (JIT compilation goes by counts, and a loaded machine makes fewer calls
     * per second), but at most {@link #MAX_INITIAL_WARMUP}; then each once more for the warm-up time,
     * because the clients share this JVM's JDK and Jackson code, and the second client's warm-up
     * changes the profiles the first one's code was compiled with.
     */
    private void warmUp(Target target, List<Contender> contenders, OpenClients clients) throws InterruptedException {
        for (Contender contender : contenders) {
            warmUp(target, contender, clients, options.initialWarmupCalls());
        }
        if (contenders.size() > 1) {
            for (Contender contender : contenders) {
                warmUp(target, contender, clients, 0);
            }
        }
    }

    private void warmUp(Target target, Contender contender, OpenClients clients, long minCalls)
            throws InterruptedException {
        int callers = Math.min(16, Collections.max(options.callers()));
        Duration slice = options.initialWarmup().compareTo(Duration.ofSeconds(1)) < 0
                ? options.initialWarmup()
                : Duration.ofSeconds(1);
        long start = System.nanoTime();
        long calls = 0;
        long failed = 0;
        long elapsed = 0;
        while (elapsed < MAX_INITIAL_WARMUP.toNanos()
                && (elapsed < options.initialWarmup().toNanos() || calls < minCalls)) {
            RunResult r = runOnce(clients, contender, callers, Duration.ZERO, slice);
            calls += r.ok() + r.failed();
            failed += r.failed();
            elapsed = System.nanoTime() - start;
        }
        progress.printf(
                Locale.ROOT,
                "%-5s %-14s warm-up with %d callers: %,d calls in %.1f s, %,d failed%n",
                target.label(),
                contender.label(),
                callers,
                calls,
                elapsed / 1e9,
                failed);
    }

    private RunResult runOnce(OpenClients clients, Contender contender, int callers, Duration warmup)
            throws InterruptedException {
        return runOnce(clients, contender, callers, warmup, options.measure());
    }

    private RunResult runOnce(OpenClients clients, Contender contender, int callers, Duration warmup, Duration measure)
            throws InterruptedException {
        LoadRun.Spec spec = new LoadRun.Spec(callers, warmup, measure, options.maxCalls(), options.callTimeout());
        EchoClient client;
        try {
            client = clients.get(contender);
        } catch (RuntimeException e) {
            return new RunResult(
                    callers,
                    0,
                    1,
                    measure.toNanos(),
                    new LatencyHistogram(),
                    new CpuMeter.Reading(-1, -1),
                    "connect: " + LoadRun.describe(e),
                    0);
        }
        RunResult result = LoadRun.run(client, spec, cpu);
        if (result.hadFailures() && !clients.keepIfHealthy(contender)) {
            progress.println(contender.label() + ": the session no longer works after failures; reopening it");
        }
        return result;
    }

    private void log(Target target, Contender contender, int round, RunResult r) {
        LatencyHistogram h = r.latency();
        progress.printf(
                Locale.ROOT,
                "round %d %-5s %3d callers %-14s %,9.0f calls/s  p50 %,7d µs  p99 %,7d µs  cpu/call %,4.0f + %,4.0f µs on %.2f + %.2f cores"
                        + "  failed %,d%s%n",
                round,
                target.label(),
                r.callers(),
                contender.label(),
                r.callsPerSecond(),
                h.percentile(50) / 1_000,
                h.percentile(99) / 1_000,
                r.clientCpuMicrosPerCall(),
                r.serverCpuMicrosPerCall(),
                r.clientCores(),
                r.serverCores(),
                r.failed(),
                r.firstError() == null ? "" : "  (" + abbreviate(r.firstError()) + ")");
    }

    private static void print(Report report, BenchOptions options, PrintStream out) {
        out.println();
        out.println(machine());
        out.printf(
                Locale.ROOT,
                "Rounds: %d interleaved; per run %s warm-up + %s measured; latency percentiles over the"
                        + " successful calls of all rounds.%n%n",
                options.rounds(),
                seconds(options.warmup()),
                seconds(options.measure()));
        out.print(report.markdown());
        List<String> errors = report.errors();
        if (!errors.isEmpty()) {
            out.println();
            out.println("First failure per configuration:");
            errors.forEach(e -> out.println("- " + e));
        }
        out.println();
        report.jsonLines().forEach(out::println);
    }

    /** What the numbers were measured on. */
    static String machine() {
        Runtime rt = Runtime.getRuntime();
        return String.format(
                Locale.ROOT,
                "Machine: %d cores (load average %.1f), %s %s %s, %s %s, max heap %d MiB",
                rt.availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                System.getProperty("os.name"),
                System.getProperty("os.version"),
                System.getProperty("os.arch"),
                System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"),
                rt.maxMemory() / (1024 * 1024));
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static String abbreviate(@Nullable String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}
