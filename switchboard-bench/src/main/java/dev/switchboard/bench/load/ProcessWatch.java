package dev.switchboard.bench.load;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches another process (a gateway or a server) during the measurement: the CPU time it used, its
 * resident memory when the measurement started, the most seen while sampling every 200 ms, and at
 * the end that of the process with its descendants (the stdio servers a gateway started). Linux
 * only; elsewhere the values are -1.
 */
final class ProcessWatch {
    private static final long SAMPLE_MILLIS = 200;

    private final long pid;
    private final long cpuStart;
    private final long rssStart;
    private final AtomicLong rssMax;
    private final Thread sampler;

    /**
     * What was seen.
     *
     * @param pid the process
     * @param cpuNanos CPU time it used during the measurement, or -1
     * @param rssKbStart its resident memory at the start of the measurement, in kB, or -1
     * @param rssKbMax the most resident memory sampled during the measurement, in kB, or -1
     * @param treeRssKb the resident memory of it and its descendants at the end, in kB, or -1
     * @param treeProcesses how many processes that was
     */
    record Report(long pid, long cpuNanos, long rssKbStart, long rssKbMax, long treeRssKb, int treeProcesses) {
        /** CPU microseconds per call, or -1 when unknown. */
        double cpuMicrosPerCall(long calls) {
            return cpuNanos < 0 || calls <= 0 ? -1 : cpuNanos / 1_000.0 / calls;
        }

        /** The cores it kept busy on average over {@code nanos}, or -1 when unknown. */
        double cores(long nanos) {
            return cpuNanos < 0 || nanos <= 0 ? -1 : (double) cpuNanos / nanos;
        }
    }

    private ProcessWatch(long pid) {
        this.pid = pid;
        this.cpuStart = ProcFs.cpuNanos(pid);
        this.rssStart = ProcFs.statusKb(pid, "VmRSS");
        this.rssMax = new AtomicLong(rssStart);
        this.sampler = Thread.ofVirtual().name("watch-" + pid).start(this::sample);
    }

    /** Starts watching {@code pid} now. */
    static ProcessWatch start(long pid) {
        return new ProcessWatch(pid);
    }

    private void sample() {
        // bounded by the interrupt from stop(), and by the process's exit
        while (!Thread.currentThread().isInterrupted()) {
            long kb = ProcFs.statusKb(pid, "VmRSS");
            if (kb < 0) {
                return;
            }
            rssMax.accumulateAndGet(kb, Math::max);
            try {
                TimeUnit.MILLISECONDS.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops sampling and reports. */
    Report stop() {
        long cpuEnd = ProcFs.cpuNanos(pid);
        sampler.interrupt();
        long now = ProcFs.statusKb(pid, "VmRSS");
        long max = rssMax.accumulateAndGet(now, Math::max);
        List<Long> tree = ProcFs.tree(pid);
        long cpu = cpuStart < 0 || cpuEnd < 0 ? -1 : cpuEnd - cpuStart;
        return new Report(pid, cpu, rssStart, max, ProcFs.treeRssKb(tree), tree.size());
    }
}
