package dev.switchboard.bench.scale;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The live heap and resident memory of another JVM, as one JSON line: {@code MemoryProbe PID
 * [LABEL]} runs a full collection in it ({@code jcmd PID GC.run}), then prints {@code heap_used_mb}
 * and {@code heap_committed_mb} ({@code GC.heap_info}) and {@code rss_mb} and {@code rss_hwm_mb}
 * ({@code /proc/PID/status}); -1 where unknown. For the resident memory without a collection first,
 * use {@link dev.switchboard.bench.load.ProcessMemory}.
 */
public final class MemoryProbe {
    private MemoryProbe() {}

    /** Prints the line; exit status 2 on bad usage. */
    public static void main(String[] args) throws InterruptedException {
        if (args.length < 1 || args.length > 2 || !args[0].matches("\\d+")) {
            System.err.println("usage: MemoryProbe PID [LABEL]");
            System.exit(2);
            return;
        }
        long pid = Long.parseLong(args[0]);
        HeapUsage.Heap heap = HeapUsage.afterFullGc(pid);
        String label = args.length == 2 ? args[1] : "";
        new PrintStream(System.out, true, StandardCharsets.UTF_8)
                .println(line(label, pid, heap, HeapUsage.statusKb(pid, "VmRSS"), HeapUsage.statusKb(pid, "VmHWM")));
    }

    static String line(String label, long pid, HeapUsage.Heap heap, long rssKb, long hwmKb) {
        return "{\"label\":" + ScaleConfig.quote(label) + ",\"pid\":" + pid + ",\"heap_used_mb\":"
                + HeapUsage.mb(heap.usedKb()) + ",\"heap_committed_mb\":" + HeapUsage.mb(heap.committedKb())
                + ",\"rss_mb\":" + HeapUsage.mb(rssKb) + ",\"rss_hwm_mb\":" + HeapUsage.mb(hwmKb) + "}";
    }
}
