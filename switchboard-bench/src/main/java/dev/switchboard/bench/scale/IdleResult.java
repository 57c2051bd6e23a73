package dev.switchboard.bench.scale;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What {@link IdleSessions} measured, as one JSON line. Sizes in kB unless named otherwise; -1 when
 * unknown.
 *
 * @param label the run's name
 * @param asked how many sessions were to be opened
 * @param opened how many were (initialized)
 * @param openSeconds how long opening them took
 * @param alive how many of the {@code checked} sessions answered a ping after the measurement
 * @param checked how many were pinged
 * @param closed how many {@code DELETE}s succeeded
 * @param before the serving process's heap after a full collection, before the sessions
 * @param after the same with the sessions open
 * @param rss its resident memory before and after
 * @param firstFailure the first failure's message, or null
 */
record IdleResult(
        String label,
        int asked,
        int opened,
        double openSeconds,
        int alive,
        int checked,
        int closed,
        HeapUsage.Heap before,
        HeapUsage.Heap after,
        Rss rss,
        @Nullable String firstFailure) {

    /** Resident memory in kB: before the sessions, with them, and the most so far. */
    record Rss(long beforeKb, long afterKb, long hwmKb) {}

    /** Heap bytes per open session: the growth of the live set over the sessions; -1 when unknown. */
    long heapBytesPerSession() {
        return perSession(before.usedKb(), after.usedKb());
    }

    /** Resident bytes per open session; -1 when unknown. */
    long rssBytesPerSession() {
        return perSession(rss.beforeKb(), rss.afterKb());
    }

    private long perSession(long beforeKb, long afterKb) {
        if (opened == 0 || beforeKb < 0 || afterKb < 0) {
            return -1;
        }
        return Math.round((afterKb - beforeKb) * 1024.0 / opened);
    }

    /**
     * The heap the sessions would take at {@code sessions} of them, with what the process held before,
     * in MiB; -1 when unknown.
     */
    double heapMbAt(int sessions) {
        long per = heapBytesPerSession();
        return per < 0 ? -1 : (before.usedKb() * 1024.0 + per * (double) sessions) / (1024 * 1024);
    }

    String json() {
        return "{\"label\":\"" + label + "\",\"sessions_asked\":" + asked + ",\"sessions_opened\":" + opened
                + ",\"open_s\":" + String.format(Locale.ROOT, "%.1f", openSeconds) + ",\"alive\":" + alive
                + ",\"checked\":" + checked + ",\"closed\":" + closed + ",\"heap_used_before_mb\":"
                + HeapUsage.mb(before.usedKb()) + ",\"heap_used_after_mb\":" + HeapUsage.mb(after.usedKb())
                + ",\"heap_committed_after_mb\":" + HeapUsage.mb(after.committedKb()) + ",\"heap_bytes_per_session\":"
                + heapBytesPerSession() + ",\"heap_mb_at_10000\":"
                + String.format(Locale.ROOT, "%.1f", heapMbAt(10_000))
                + ",\"rss_before_mb\":" + HeapUsage.mb(rss.beforeKb()) + ",\"rss_after_mb\":"
                + HeapUsage.mb(rss.afterKb()) + ",\"rss_hwm_mb\":" + HeapUsage.mb(rss.hwmKb())
                + ",\"rss_bytes_per_session\":" + rssBytesPerSession() + ",\"first_failure\":"
                + (firstFailure == null ? "null" : ScaleConfig.quote(firstFailure)) + "}";
    }
}
