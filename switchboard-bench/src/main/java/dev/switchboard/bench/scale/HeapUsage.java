package dev.switchboard.bench.scale;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Another JVM's heap and resident memory, through {@code jcmd} (of this JDK) and Linux's {@code
 * /proc}: a full collection ({@code GC.run}), then {@code GC.heap_info}, whose used bytes after a
 * full collection are the live set. Every value is -1 when unknown.
 */
final class HeapUsage {
    /**
     * A generation's line: {@code garbage-first heap   total reserved 524288K, committed 119808K, used
     * 73871K [...]} (JDK 25), or {@code garbage-first heap   total 262144K, used 21036K [...]} (JDK 21).
     */
    private static final Pattern GENERATION = Pattern.compile("(?:committed|total) (\\d+)([KMG]), used (\\d+)([KMG])");
    /** ZGC's line: {@code  ZHeap           used 22M, capacity 256M, max capacity 4000M}. */
    private static final Pattern Z_HEAP = Pattern.compile("ZHeap\\s+used (\\d+)([KMG]), capacity (\\d+)([KMG])");

    private static final Duration JCMD_TIMEOUT = Duration.ofSeconds(60);

    private HeapUsage() {}

    /** Heap used and committed, in kB, from {@code GC.heap_info} output. */
    record Heap(long usedKb, long committedKb) {
        static final Heap UNKNOWN = new Heap(-1, -1);
    }

    /**
     * Parses {@code jcmd PID GC.heap_info}: the sum of the generations' {@code total} and {@code used}
     * (the committed size where it is given, G1 has one line, Serial and Parallel
     * two), or ZGC's {@code ZHeap} line; {@link Heap#UNKNOWN}
     * for anything else. Metaspace, which has no {@code total}, is not heap.
     */
    static Heap parse(String heapInfo) {
        long used = 0;
        long total = 0;
        boolean found = false;
        for (String line : heapInfo.split("\n")) {
            Matcher z = Z_HEAP.matcher(line);
            if (z.find()) {
                return new Heap(kb(z.group(1), z.group(2)), kb(z.group(3), z.group(4)));
            }
            Matcher m = GENERATION.matcher(line);
            if (m.find()) {
                total += kb(m.group(1), m.group(2));
                used += kb(m.group(3), m.group(4));
                found = true;
            }
        }
        return found ? new Heap(used, total) : Heap.UNKNOWN;
    }

    private static long kb(String digits, String unit) {
        long n = Long.parseLong(digits);
        return switch (unit) {
            case "G" -> n * 1024 * 1024;
            case "M" -> n * 1024;
            default -> n;
        };
    }

    /** A full collection in {@code pid}, then its heap; {@link Heap#UNKNOWN} when jcmd fails. */
    static Heap afterFullGc(long pid) throws InterruptedException {
        jcmd(pid, "GC.run");
        return parse(jcmd(pid, "GC.heap_info"));
    }

    /** The first {@code limit} lines of {@code jcmd PID GC.class_histogram} (after its header). */
    static List<String> histogram(long pid, int limit) throws InterruptedException {
        List<String> lines = new ArrayList<>();
        for (String line : jcmd(pid, "GC.class_histogram").split("\n")) {
            if (line.matches("\\s*\\d+:.*") && lines.size() < limit) {
                lines.add(line.strip());
            } else if (line.startsWith("Total")) {
                lines.add(line.strip());
            }
        }
        return lines;
    }

    /** The output of {@code jcmd pid command}, or "" when it failed or took more than a minute. */
    static String jcmd(long pid, String command) throws InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        @Nullable Path output = null;
        try {
            output = Files.createTempFile("switchboard-jcmd-", ".txt");
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(JCMD_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return "";
            }
            return process.exitValue() == 0 ? Files.readString(output, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException e) {
                    // a temporary file left behind
                }
            }
        }
    }

    /** A {@code /proc/PID/status} field given in kB ({@code VmRSS}, {@code VmHWM}), or -1. */
    static long statusKb(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(
                            line.substring(field.length() + 1).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone, or not Linux: unknown
        }
        return -1;
    }

    /** Kilobytes as mebibytes with one decimal, or -1. */
    static String mb(long kb) {
        return kb < 0 ? "-1" : String.format(Locale.ROOT, "%.1f", kb / 1024.0);
    }
}
