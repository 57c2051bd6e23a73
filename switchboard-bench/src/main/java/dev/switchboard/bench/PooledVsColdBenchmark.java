package dev.switchboard.bench;

import dev.switchboard.core.config.BreakerSettings;
import dev.switchboard.core.config.BulkheadSettings;
import dev.switchboard.core.config.PoolSettings;
import dev.switchboard.core.config.RemoteServerConfig;
import dev.switchboard.core.config.RemoteTransport;
import dev.switchboard.core.config.ServerConfig;
import dev.switchboard.core.config.ServerSettings;
import dev.switchboard.core.config.SessionMode;
import dev.switchboard.core.config.StdioServerConfig;
import dev.switchboard.core.config.Timeouts;
import dev.switchboard.core.config.ToolFilter;
import dev.switchboard.core.lifecycle.ServerConnector;
import dev.switchboard.mcp.McpRuntime;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code tools/call} of the demo server's {@code echo}, pooled (a {@link PooledEchoClient}: the
 * session is made once and reused) against cold (a {@link ColdEchoClient}: connect, initialize,
 * call and close for every call), over stdio (a new process per cold call) and over Streamable HTTP
 * (a new MCP session per cold call against one running server process). Rounds are interleaved:
 * every transport pooled and cold, then again, the order of pooled and cold alternating, so that a
 * noisy machine hurts both alike. Progress goes to stderr; a Markdown table, the first failure per
 * configuration and one JSON line per configuration go to stdout.
 *
 * <p>Run it with {@code switchboard-bench/run-pool-benchmark.sh [--quick] [options]}; {@code
 * --help} lists the options.
 */
public final class PooledVsColdBenchmark {
    private static final String STDIO_MAIN = "dev.switchboard.mcp.demo.DemoServer";
    private static final String HTTP_MAIN = "dev.switchboard.bench.DemoHttpServer";
    /** The fewest pooled calls of the initial warm-up, time permitting. */
    static final long WARMUP_POOLED_CALLS = 20_000;
    /** The longest initial warm-up of one client, whatever the call count reached. */
    static final Duration MAX_WARMUP = Duration.ofSeconds(30);

    private final PooledVsColdOptions options;
    private final McpRuntime runtime;
    private final PrintStream progress;
    private final PooledVsColdReport report = new PooledVsColdReport();
    private final CpuMeter cpu = new CpuMeter();

    private PooledVsColdBenchmark(PooledVsColdOptions options, McpRuntime runtime, PrintStream progress) {
        this.options = options;
        this.runtime = runtime;
        this.progress = progress;
    }

    /** Runs the benchmark; exits with 0, or 2 for bad options, or 1 when it could not run. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return BenchMain.run(
                "pool-benchmark",
                PooledVsColdOptions.USAGE,
                args,
                out,
                err,
                PooledVsColdOptions::parse,
                (options, runtime) -> print(new PooledVsColdBenchmark(options, runtime, err).measure(), options, out));
    }

    private PooledVsColdReport measure() throws Exception {
        ServerCommand command = ServerCommand.ofThisJvm(options.serverJvmArgs(), STDIO_MAIN, HTTP_MAIN);
        ServerConnector connector = ServerConnector.create(runtime);
        List<Subject> subjects = new ArrayList<>();
        HttpServerProcess http = null;
        try {
            for (Target target : options.targets()) {
                ServerConfig server;
                if (target == Target.HTTP) {
                    http = HttpServerProcess.start(command);
                    progress.println("http server: pid " + http.pid() + " at " + http.url());
                    server = new RemoteServerConfig("demo", http.url(), RemoteTransport.HTTP, Map.of(), settings());
                } else {
                    List<String> line = command.stdio();
                    server = new StdioServerConfig(
                            "demo", line.getFirst(), line.subList(1, line.size()), Map.of(), null, false, settings());
                }
                EchoClient pooled = new PooledEchoClient(connector, server, target, runtime, options.callTimeout());
                EchoClient cold = new ColdEchoClient(connector, server, options.callTimeout());
                Subject subject = new Subject(target, pooled, cold);
                subjects.add(subject);
                warmUp(subject);
            }
            for (int round = 1; round <= options.rounds(); round++) {
                for (Subject subject : subjects) {
                    List<SessionUse> order = round % 2 == 1
                            ? List.of(SessionUse.POOLED, SessionUse.COLD)
                            : List.of(SessionUse.COLD, SessionUse.POOLED);
                    for (int callers : options.callers()) {
                        for (SessionUse use : order) {
                            RunResult result = LoadRun.run(subject.client(use), spec(use, callers), cpu);
                            report.add(subject.target(), use, result);
                            log(round, subject.target(), use, result);
                        }
                    }
                }
            }
            return report;
        } finally {
            for (Subject subject : subjects) {
                subject.pooled().close();
                subject.cold().close();
            }
            if (http != null) {
                http.close();
            }
        }
    }

    /** The two clients of one transport. */
    private record Subject(Target target, EchoClient pooled, EchoClient cold) {
        EchoClient client(SessionUse use) {
            return use == SessionUse.POOLED ? pooled : cold;
        }
    }

    /**
     * Exercises both clients, unmeasured: one first call (which starts the pooled session), then
     * calls for the initial warm-up time and, pooled, for {@link #WARMUP_POOLED_CALLS} calls at least
     * (the JIT compiles by counts), within {@link #MAX_WARMUP}, so that both paths are compiled, in
     * the client and in the server.
     *
     * @throws Exception when the first call fails: the server cannot be reached at all
     */
    private void warmUp(Subject subject) throws Exception {
        int callers = options.callers().getLast();
        for (SessionUse use : SessionUse.values()) {
            EchoClient client = subject.client(use);
            long start = System.nanoTime();
            client.echo("first");
            long first = System.nanoTime() - start;
            long minCalls = use == SessionUse.POOLED ? WARMUP_POOLED_CALLS : 0;
            long calls = 0;
            long failed = 0;
            long began = System.nanoTime();
            long elapsed = 0;
            while (elapsed < MAX_WARMUP.toNanos()
                    && (elapsed < options.initialWarmup().toNanos() || calls < minCalls)) {
                LoadRun.Spec slice = new LoadRun.Spec(
                        callers, Duration.ZERO, Duration.ofSeconds(1), maxCalls(use), options.callTimeout());
                RunResult r = LoadRun.run(client, slice, cpu);
                calls += r.ok() + r.failed();
                failed += r.failed();
                elapsed = System.nanoTime() - began;
            }
            progress.printf(
                    Locale.ROOT,
                    "%-5s %-6s warm-up: first call %s, then %,d calls with %d callers in %.1f s, %,d failed%n",
                    subject.target().label(),
                    use.label(),
                    PooledVsColdReport.latency(first),
                    calls,
                    callers,
                    elapsed / 1e9,
                    failed);
        }
    }

    private long maxCalls(SessionUse use) {
        return use == SessionUse.POOLED ? options.pooledMaxCalls() : options.coldMaxCalls();
    }

    private LoadRun.Spec spec(SessionUse use, int callers) {
        return use == SessionUse.POOLED
                ? new LoadRun.Spec(
                        callers,
                        options.pooledWarmup(),
                        options.pooledMeasure(),
                        options.pooledMaxCalls(),
                        options.callTimeout())
                : new LoadRun.Spec(
                        callers,
                        options.coldWarmup(),
                        options.coldMeasure(),
                        options.coldMaxCalls(),
                        options.callTimeout());
    }

    /** The demo server's settings: every default, with the call timeout for connect, initialize and call. */
    private ServerSettings settings() {
        Duration t = options.callTimeout();
        return new ServerSettings(
                true,
                false,
                new Timeouts(t, t, t),
                SessionMode.PER_IDENTITY,
                PoolSettings.DEFAULTS,
                BreakerSettings.DEFAULTS,
                BulkheadSettings.DEFAULTS,
                ToolFilter.ALL,
                true);
    }

    private void log(int round, Target target, SessionUse use, RunResult r) {
        progress.printf(
                Locale.ROOT,
                "round %d %-5s %2d callers %-6s %,10.1f calls/s  p50 %10s  p99 %10s  calls %,d  failed %,d%s%n",
                round,
                target.label(),
                r.callers(),
                use.label(),
                r.callsPerSecond(),
                PooledVsColdReport.latency(r.latency().percentile(50)),
                PooledVsColdReport.latency(r.latency().percentile(99)),
                r.ok(),
                r.failed(),
                r.firstError() == null ? "" : "  (" + r.firstError() + ")");
    }

    private static void print(PooledVsColdReport report, PooledVsColdOptions options, PrintStream out) {
        out.println();
        out.println(WireBenchmark.machine());
        out.printf(
                Locale.ROOT,
                "Rounds: %d interleaved; pooled %s warm-up + %s measured, cold %s + %s; latency percentiles over"
                        + " the successful calls of all rounds.%n%n",
                options.rounds(),
                seconds(options.pooledWarmup()),
                seconds(options.pooledMeasure()),
                seconds(options.coldWarmup()),
                seconds(options.coldMeasure()));
        out.print(report.markdown());
        List<String> errors = new ArrayList<>(report.errors());
        if (!errors.isEmpty()) {
            out.println();
            out.println("First failure per configuration:");
            errors.forEach(e -> out.println("- " + e));
        }
        out.println();
        report.jsonLines().forEach(out::println);
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
