package dev.switchboard.bench.load;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.client.McpClient;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * Runs one load: opens the pooled sessions (all at once), starts one virtual thread per session,
 * waits for the warm-up and the measurement, and closes every session. Every wait is bounded: the
 * opening by the call timeout, the sessions by the end of the measurement plus a call timeout, the
 * closing by a further call timeout.
 */
final class LoadRunner {
    private static final Duration SLACK = Duration.ofSeconds(5);

    private final LoadOptions options;
    private final McpRuntime runtime;
    private final LoadTarget target;
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    LoadRunner(LoadOptions options, McpRuntime runtime) {
        this.options = options;
        this.runtime = runtime;
        this.target = new LoadTarget(runtime, options);
    }

    /** Runs the load and reports what it saw. */
    LoadResult run() throws InterruptedException {
        long started = System.nanoTime();
        List<@Nullable McpClient> clients = new ArrayList<>();
        double connectMillis = -1;
        if (!options.cold()) {
            AtomicReference<@Nullable String> firstFailure = new AtomicReference<>();
            clients = openAll(firstFailure);
            connectMillis = (System.nanoTime() - started) / 1e6;
            if (clients.stream().allMatch(c -> c == null)) {
                return new LoadResult(
                        options,
                        new Tally(),
                        0,
                        connectMillis,
                        0,
                        -1,
                        null,
                        System.nanoTime() - started,
                        "all connects failed: " + firstFailure.get(),
                        0);
            }
        } else {
            for (int i = 0; i < options.sessions(); i++) {
                clients.add(null);
            }
        }
        if (options.idle()) {
            return holdIdle(clients, started, connectMillis);
        }
        Window window = Window.startingAt(System.nanoTime(), options.warmup(), options.duration(), options.maxCalls());
        List<SessionWorker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < options.sessions(); i++) {
            SessionWorker worker = new SessionWorker(window, target, options, clients.get(i), runtime.virtualThreads());
            workers.add(worker);
            threads.add(Thread.ofVirtual().name("load-" + i).start(worker));
        }
        window.parkUntil(window.measureStart());
        long cpuBefore = os.getProcessCpuTime();
        ProcessWatch watch = options.watchPid() > 0 ? ProcessWatch.start(options.watchPid()) : null;
        int stuck = joinAll(threads, window.end() + options.callTimeout().toNanos() + SLACK.toNanos());
        long cpuAfter = os.getProcessCpuTime();
        ProcessWatch.Report watched = watch == null ? null : watch.stop();
        Tally total = new Tally();
        workers.forEach(w -> total.add(w.tally()));
        closeAll(workers);
        long measured = total.ok() + total.failed() == 0
                ? options.duration().toNanos()
                : total.lastEnd() - window.measureStart();
        long cpu = cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore;
        int open = (int) workers.stream().filter(w -> w.remaining() != null).count();
        return new LoadResult(
                options, total, measured, connectMillis, stuck, cpu, watched, System.nanoTime() - started, null, open);
    }

    /** Holds the open sessions without calls for the warm-up and the duration, watching the target. */
    private LoadResult holdIdle(List<@Nullable McpClient> clients, long started, double connectMillis)
            throws InterruptedException {
        Window window = Window.startingAt(
                System.nanoTime(), Duration.ZERO, options.warmup().plus(options.duration()), 1);
        ProcessWatch watch = options.watchPid() > 0 ? ProcessWatch.start(options.watchPid()) : null;
        window.parkUntil(window.end());
        ProcessWatch.Report watched = watch == null ? null : watch.stop();
        List<Thread> closing = new ArrayList<>();
        int open = 0;
        for (McpClient c : clients) {
            if (c != null) {
                open++;
                closing.add(Thread.ofVirtual().start(c::close));
            }
        }
        joinAll(closing, System.nanoTime() + options.callTimeout().toNanos() + SLACK.toNanos());
        return new LoadResult(
                options,
                new Tally(),
                window.end() - window.measureStart(),
                connectMillis,
                0,
                -1,
                watched,
                System.nanoTime() - started,
                null,
                open);
    }

    /** Opens every pooled session at once; a slot stays null when its opening failed. */
    private List<@Nullable McpClient> openAll(AtomicReference<@Nullable String> firstFailure)
            throws InterruptedException {
        int n = options.sessions();
        AtomicReferenceArray<@Nullable McpClient> opened = new AtomicReferenceArray<>(n);
        List<Thread> threads = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int slot = i;
            threads.add(Thread.ofVirtual().name("open-" + i).start(() -> {
                try {
                    opened.set(slot, target.open());
                } catch (RuntimeException e) {
                    Failure f = Failure.connect(e);
                    firstFailure.compareAndSet(null, f.kind() + ": " + f.message());
                }
            }));
        }
        joinAll(threads, System.nanoTime() + options.callTimeout().toNanos() + SLACK.toNanos());
        List<@Nullable McpClient> clients = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            clients.add(opened.get(i));
        }
        return clients;
    }

    /** Joins every thread until {@code deadline}; interrupts the rest and says how many. */
    private static int joinAll(List<Thread> threads, long deadline) throws InterruptedException {
        int stuck = 0;
        for (Thread t : threads) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !t.join(Duration.ofNanos(left))) {
                stuck++;
                t.interrupt();
            }
        }
        return stuck;
    }

    /** Closes the sessions still open, all at once, waiting at most a call timeout plus slack. */
    private void closeAll(List<SessionWorker> workers) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (SessionWorker w : workers) {
            McpClient c = w.remaining();
            if (c != null) {
                threads.add(Thread.ofVirtual().start(c::close));
            }
        }
        joinAll(threads, System.nanoTime() + options.callTimeout().toNanos() + SLACK.toNanos());
    }
}
