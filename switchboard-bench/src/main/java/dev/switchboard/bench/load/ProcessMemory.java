package dev.switchboard.bench.load;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Prints the resident memory of processes, one JSON line each, from Linux's {@code /proc}: {@code
 * ProcessMemory PID...}. Fields: {@code pid}, {@code rss_kb} (resident now), {@code hwm_kb} (the
 * most resident so far), {@code tree_rss_kb} (with its living descendants, such as the stdio
 * servers a gateway started) and {@code tree_processes}; -1 when unknown. Run it once after a
 * gateway started (idle) and again under load; {@link LoadGenerator}'s {@code --watch-pid} samples
 * the same values during a measurement.
 */
public final class ProcessMemory {
    private ProcessMemory() {}

    /** Prints one line per process id given; exit status 2 when one is not a number. */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (args.length == 0) {
            System.err.println("usage: ProcessMemory PID...");
            System.exit(2);
            return;
        }
        for (String arg : args) {
            long pid;
            try {
                pid = Long.parseLong(arg);
            } catch (NumberFormatException e) {
                System.err.println("process-memory: PID: " + arg + " (expected: a process id)");
                System.exit(2);
                return;
            }
            out.println(line(pid));
        }
    }

    /** The JSON line of {@code pid}. */
    static String line(long pid) {
        List<Long> tree = ProcFs.tree(pid);
        return "{\"pid\":" + pid + ",\"rss_kb\":" + ProcFs.statusKb(pid, "VmRSS") + ",\"hwm_kb\":"
                + ProcFs.statusKb(pid, "VmHWM") + ",\"tree_rss_kb\":" + ProcFs.treeRssKb(tree)
                + ",\"tree_processes\":" + tree.size() + "}";
    }
}
