package dev.switchboard.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScaleReportTest {

    @Test
    void turnsEachStepsLinesIntoRowsOfTheTable() {
        List<String> lines = List.of(
                "{\"step\":\"serve\",\"label\":\"1000-stdio\",\"round\":1,\"ready_ms\":2000.0}",
                "{\"step\":\"serve\",\"summary\":true,\"label\":\"1000-stdio\",\"rounds\":5,\"median_ready_ms\":1850.0,"
                        + "\"min_ready_ms\":1500.0,\"median_listening_ms\":1700.0,\"median_cpu_ms\":2400.0,"
                        + "\"median_cpu_main_ms\":1050.0}",
                "{\"step\":\"serve\",\"summary\":true,\"label\":\"1000-stdio-launcher\",\"rounds\":5,"
                        + "\"median_ready_ms\":2350.0,\"min_ready_ms\":2000.0,\"median_cpu_ms\":2900.0,"
                        + "\"median_cpu_main_ms\":1050.0}",
                "{\"step\":\"inprocess\",\"summary\":true,\"servers\":1000,\"kind\":\"stdio\",\"cold_ready_ms\":900.0,"
                        + "\"cold_thread_cpu_ms\":500.0,\"warm_ready_ms\":80.0}",
                "{\"step\":\"inprocess\",\"summary\":true,\"servers\":1000,\"kind\":\"stdio\",\"cold_ready_ms\":1100.0,"
                        + "\"cold_thread_cpu_ms\":700.0,\"warm_ready_ms\":90.0}",
                "",
                "{\"step\":\"idle\",\"label\":\"streams\",\"sessions_asked\":10000,\"sessions_opened\":10000,"
                        + "\"heap_used_before_mb\":11.4,\"heap_used_after_mb\":111.6,\"heap_bytes_per_session\":10506,"
                        + "\"rss_before_mb\":123.2,\"rss_after_mb\":351.6}",
                "{\"step\":\"memory\",\"label\":\"idle, just started\",\"pid\":1,\"rss_kb\":126976}",
                "{\"step\":\"load\",\"sessions\":16,\"tool\":\"demo__echo\",\"duration_s\":20.0,\"calls_per_s\":1079.4,"
                        + "\"errors\":0,\"watch\":{\"cpu_us_per_call\":429.0,\"rss_kb_start\":184320,\"rss_kb_max\":208896}}",
                "{\"step\":\"heap\",\"label\":\"after the load\",\"heap_used_mb\":10.3,\"heap_committed_mb\":40.0,"
                        + "\"rss_mb\":176.2}");

        String table = ScaleReport.render(ScaleReport.read(lines));

        assertThat(table.lines())
                .containsSubsequence(
                        "| measurement | result | target |",
                        "| start-up to `/readyz` 200: 1,000 lazy stdio servers, `java -jar switchboard-server.jar serve`,"
                                + " no JVM flags | 1.85 s median, 1.50 s best of 5; CPU 1.05 s main thread, 2.40 s process"
                                + " | under 2 s |",
                        "| start-up to `/readyz` 200: 1,000 lazy stdio servers, `./switchboard serve` (the launcher) |"
                                + " 2.35 s median, 2.00 s best of 5; CPU 1.05 s main thread, 2.90 s process | under 2 s |",
                        "| in-process: load the file and build `Switchboard`, 1,000 lazy stdio servers | cold JVM 1000 ms"
                                + " (median of 2 JVMs; 600 ms CPU on the thread); compiled 85 ms |  |",
                        "| 10,000 idle sessions on `/mcp`, each holding its GET stream: heap after a full GC | 10,000"
                                + " opened: 111.6 MB (11.4 MB before), 10,506 bytes per session; RSS 351.6 MB (123.2 MB"
                                + " before) | 10,000 within 512 MB |",
                        "| gateway RSS, idle, just started | 124 MB |  |",
                        "| gateway RSS under load: 16 sessions calling `demo__echo` for 20 s | 180 MB at the start, 204"
                                + " MB at most; 1079 calls/s, 0 errors, 429 us gateway CPU per call |  |",
                        "| gateway heap after a full GC, after the load | 10.3 MB used of 40.0 MB committed; RSS 176.2 MB"
                                + " |  |");
    }

    @Test
    void describesTheStartupCasesByTheirLabels() {
        assertThat(ScaleReport.describeCase("1-stdio"))
                .isEqualTo("1 lazy stdio server, `java -jar switchboard-server.jar serve`, no JVM flags");
        assertThat(ScaleReport.describeCase("1000-remote-aot"))
                .startsWith("1,000 lazy remote servers, `java -XX:AOTCache=...");
        assertThat(ScaleReport.describeCase("custom")).isEqualTo("custom");
    }
}
