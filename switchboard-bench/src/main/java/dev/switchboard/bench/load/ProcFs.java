package dev.switchboard.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads a process's memory and CPU time from Linux's {@code /proc}; elsewhere every value is
 * unknown ({@code -1}).
 */
final class ProcFs {
    private ProcFs() {}

    /**
     * A field of {@code /proc/PID/status} given in kB, such as {@code VmRSS} (resident now) or {@code
     * VmHWM} (the most resident so far); -1 when unknown.
     */
    static long statusKb(long pid, String field) {
        try {
            List<String> lines =
                    Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.UTF_8);
            for (String line : lines) {
                if (line.startsWith(field + ":")) {
                    String[] parts = line.substring(field.length() + 1).trim().split("\\s+");
                    return Long.parseLong(parts[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone, not Linux, or not ours to read: unknown
        }
        return -1;
    }

    /** The CPU time {@code pid} used so far (user and system), in nanoseconds; -1 when unknown. */
    static long cpuNanos(long pid) {
        return ProcessHandle.of(pid)
                .flatMap(p -> p.info().totalCpuDuration())
                .map(Duration::toNanos)
                .orElse(-1L);
    }

    /** {@code pid} and its living descendants. */
    static List<Long> tree(long pid) {
        Optional<ProcessHandle> root = ProcessHandle.of(pid);
        if (root.isEmpty()) {
            return List.of();
        }
        return Stream.concat(Stream.of(root.get()), root.get().descendants())
                .map(ProcessHandle::pid)
                .toList();
    }

    /** The resident memory of {@code pid} and its descendants together, in kB; -1 when unknown. */
    static long treeRssKb(List<Long> pids) {
        long sum = -1;
        for (long p : pids) {
            // a descendant may exit between the listing and the reading: it no longer counts
            long kb = statusKb(p, "VmRSS");
            if (kb >= 0) {
                sum = Math.max(sum, 0) + kb;
            }
        }
        return sum;
    }
}
