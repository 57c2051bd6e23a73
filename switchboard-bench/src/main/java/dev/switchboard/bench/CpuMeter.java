package dev.switchboard.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * Reads the CPU time used so far by this JVM (the clients) and by its child processes (the
 * servers). On a shared machine, CPU time per call says more about a client than calls per second,
 * which other load on the machine changes.
 */
final class CpuMeter {
    private final com.sun.management.OperatingSystemMXBean os;

    /**
     * CPU time used so far, in nanoseconds; {@code -1} when the platform does not tell.
     *
     * @param clientNanos this JVM
     * @param serverNanos every living descendant process
     */
    record Reading(long clientNanos, long serverNanos) {
        /** What was used between {@code earlier} and this reading. */
        Reading minus(Reading earlier) {
            return new Reading(
                    clientNanos < 0 || earlier.clientNanos < 0 ? -1 : clientNanos - earlier.clientNanos,
                    serverNanos < 0 || earlier.serverNanos < 0 ? -1 : serverNanos - earlier.serverNanos);
        }
    }

    CpuMeter() {
        this.os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    }

    /** The CPU time used so far. */
    Reading read() {
        long servers = ProcessHandle.current()
                .descendants()
                .mapToLong(
                        p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
                .sum();
        return new Reading(os.getProcessCpuTime(), servers);
    }
}
