package dev.switchboard.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * Drives one client with a number of concurrent callers, each calling {@code echo} in a loop: first
 * for the warm-up, then for the measurement, which counts every call that ends after the warm-up.
 * A caller starts no call after the measurement's end nor beyond the call budget, so every run is
 * bounded in time and count.
 */
final class LoadRun {

    /**
     * One run's shape.
     *
     * @param callers concurrent callers
     * @param warmup unmeasured time before the measurement; may be zero
     * @param measure measured time
     * @param maxCalls the most calls of the warm-up, and again of the measurement
     * @param callTimeout the client's call timeout, which bounds how long a caller may overrun
     */
    record Spec(int callers, Duration warmup, Duration measure, long maxCalls, Duration callTimeout) {}

    private final EchoClient client;
    private final Spec spec;
    private final CpuMeter cpu;
    private final long measureStart;
    private final long end;
    private final AtomicLong warmupBudget;
    private final AtomicLong measureBudget;
    private final AtomicReference<@Nullable String> firstError = new AtomicReference<>();

    private LoadRun(EchoClient client, Spec spec, CpuMeter cpu) {
        this.client = client;
        this.spec = spec;
        this.cpu = cpu;
        this.measureStart = System.nanoTime() + spec.warmup().toNanos();
        this.end = measureStart + spec.measure().toNanos();
        this.warmupBudget = new AtomicLong(spec.maxCalls());
        this.measureBudget = new AtomicLong(spec.maxCalls());
    }

    /**
     * Runs {@code spec} against {@code client} and returns what the measurement saw, with the CPU
     * time {@code cpu} reports for the measured window.
     */
    static RunResult run(EchoClient client, Spec spec, CpuMeter cpu) throws InterruptedException {
        return new LoadRun(client, spec, cpu).run();
    }

    private RunResult run() throws InterruptedException {
        List<Caller> callers = new ArrayList<>(spec.callers());
        List<Thread> threads = new ArrayList<>(spec.callers());
        for (int i = 0; i < spec.callers(); i++) {
            Caller caller = new Caller("echo-" + i);
            callers.add(caller);
            threads.add(client.callerThreads().newThread(caller));
        }
        threads.forEach(Thread::start);
        for (long wait = measureStart - System.nanoTime(); wait > 0; wait = measureStart - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
        CpuMeter.Reading before = cpu.read();
        int stuck = joinAll(threads);
        CpuMeter.Reading used = cpu.read().minus(before);
        LatencyHistogram latency = new LatencyHistogram();
        long ok = 0;
        long failed = 0;
        long lastEnd = measureStart;
        for (Caller c : callers) {
            latency.add(c.latency);
            ok += c.ok;
            failed += c.failed;
            lastEnd = Math.max(lastEnd, c.lastEnd);
        }
        long elapsed = ok == 0 ? spec.measure().toNanos() : lastEnd - measureStart;
        return new RunResult(spec.callers(), ok, failed, elapsed, latency, used, firstError.get(), stuck);
    }

    /** Waits for every caller until one call timeout (plus slack) after the end; interrupts the rest. */
    private int joinAll(List<Thread> threads) throws InterruptedException {
        long deadline = end + spec.callTimeout().toNanos() + TimeUnit.SECONDS.toNanos(5);
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

    /** One caller's loop and its own counters, read by the coordinator after {@code join}. */
    private final class Caller implements Runnable {
        private final String message;
        private final LatencyHistogram latency = new LatencyHistogram();
        private long ok;
        private long failed;
        private long lastEnd;

        Caller(String message) {
            this.message = message;
        }

        @Override
        public void run() {
            while (!Thread.currentThread().isInterrupted()) {
                long start = System.nanoTime();
                if (start - end >= 0) {
                    return;
                }
                boolean measured = start - measureStart >= 0;
                if ((measured ? measureBudget : warmupBudget).getAndDecrement() <= 0) {
                    if (measured) {
                        return;
                    }
                    LockSupport.parkNanos(measureStart - start);
                    continue;
                }
                boolean success = call();
                long stop = System.nanoTime();
                // a call belongs to the measurement when it ends in it, so that a failure or a slow
                // call that began in the warm-up is not lost
                if (stop - measureStart >= 0) {
                    record(success, stop - start, stop);
                }
            }
        }

        private boolean call() {
            try {
                String answer = client.echo(message);
                if (message.equals(answer)) {
                    return true;
                }
                noteError("wrong answer: \"" + answer + "\" (expected: \"" + message + "\")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                noteError("interrupted");
            } catch (Exception e) {
                noteError(describe(e));
            }
            return false;
        }

        private void record(boolean success, long nanos, long stop) {
            if (success) {
                ok++;
                latency.record(nanos);
            } else {
                failed++;
            }
            lastEnd = stop;
        }

        private void noteError(String error) {
            firstError.compareAndSet(null, error);
        }
    }

    /** The exception and its root cause, in one line. */
    static String describe(Throwable e) {
        Throwable root = e;
        for (int depth = 0; root.getCause() != null && depth < 20; depth++) {
            root = root.getCause();
        }
        String text = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (root != e) {
            text += " (cause: " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
        return text;
    }
}
