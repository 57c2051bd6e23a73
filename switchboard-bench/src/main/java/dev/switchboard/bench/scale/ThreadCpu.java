package dev.switchboard.bench.scale;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The CPU time a JVM's threads used so far, by kind, from Linux's {@code /proc/PID/task}: the
 * threads named {@code java} (the main thread, which runs a gateway's start-up), the JIT compilers
 * ({@code C1 CompilerThre}, {@code C2 CompilerThre}), the garbage collector ({@code GC Thread#N},
 * {@code G1 ...}) and every other thread. All -1 when unknown (not Linux, or the process is gone).
 *
 * @param mainMillis the {@code java} threads
 * @param jitMillis the JIT compiler threads
 * @param gcMillis the collector's threads
 * @param otherMillis the rest
 */
record ThreadCpu(long mainMillis, long jitMillis, long gcMillis, long otherMillis) {
    static final ThreadCpu UNKNOWN = new ThreadCpu(-1, -1, -1, -1);

    /** Linux's {@code USER_HZ}: the unit of {@code utime} and {@code stime}, 100 per second everywhere. */
    private static final int TICKS_PER_SECOND = 100;

    /** Reads every thread of {@code pid}. */
    static ThreadCpu of(long pid) {
        long[] sums = new long[4];
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path thread : threads) {
                try {
                    long ticks = ticks(Files.readString(thread.resolve("stat")));
                    String name = Files.readString(thread.resolve("comm")).strip();
                    sums[kind(name)] += Math.max(0, ticks);
                } catch (IOException e) {
                    // the thread ended between the listing and the reading
                }
            }
        } catch (IOException | RuntimeException e) {
            return UNKNOWN;
        }
        long ms = 1000 / TICKS_PER_SECOND;
        return new ThreadCpu(sums[0] * ms, sums[1] * ms, sums[2] * ms, sums[3] * ms);
    }

    /** 0 main, 1 JIT, 2 GC, 3 other, from a thread's {@code comm} (its name, cut to 15 bytes). */
    static int kind(String comm) {
        if (comm.equals("java")) {
            return 0;
        }
        if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) {
            return 1;
        }
        if (comm.startsWith("GC Thread") || comm.startsWith("G1 ") || comm.startsWith("VM Thread")) {
            return 2;
        }
        return 3;
    }

    /**
     * {@code utime + stime} of a {@code /proc/.../stat} line, in clock ticks; -1 when it cannot be read.
     * The name in parentheses may itself hold spaces and parentheses: fields are counted after the
     * last {@code )}.
     */
    static long ticks(String stat) {
        int end = stat.lastIndexOf(')');
        if (end < 0) {
            return -1;
        }
        String[] fields = stat.substring(end + 1).trim().split("\\s+");
        // fields[0] is field 3 (state); utime and stime are fields 14 and 15
        if (fields.length < 13) {
            return -1;
        }
        try {
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    String json() {
        return String.format(
                Locale.ROOT,
                "\"cpu_main_ms\":%d,\"cpu_jit_ms\":%d,\"cpu_gc_ms\":%d,\"cpu_other_ms\":%d",
                mainMillis,
                jitMillis,
                gcMillis,
                otherMillis);
    }
}
