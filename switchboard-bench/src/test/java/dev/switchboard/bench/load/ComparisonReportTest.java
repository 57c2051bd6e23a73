package dev.switchboard.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonReportTest {
    @TempDir
    Path dir;

    private static String line(int round, String contender, String kind, int sessions, double rate, long p50) {
        return String.format(
                Locale.ROOT,
                "{\"round\":%d,\"downstream\":\"everything\",\"contender\":\"%s\",\"kind\":\"%s\",\"client\":\"java\","
                        + "\"mode\":\"pooled\",\"sessions\":%d,\"rss_idle_kb\":51200,\"result\":{\"calls_per_s\":%s,"
                        + "\"p50_us\":%d,\"p99_us\":%d,\"calls\":1000,\"errors\":0,\"errors_by_kind\":{},"
                        + "\"watch\":{\"cpu_us_per_call\":%d,\"rss_kb_max\":102400,\"tree_rss_kb\":204800}}}",
                round,
                contender,
                kind,
                sessions,
                rate,
                p50,
                p50 * 3,
                p50 / 2);
    }

    private List<CellSummary> summarize(String... lines) throws IOException {
        Path file = dir.resolve("results.jsonl");
        Files.writeString(file, String.join("\n", lines) + "\n\n", StandardCharsets.UTF_8);
        return ComparisonReport.summarize(ComparisonReport.read(file));
    }

    @Test
    void takesTheMedianOfTheRoundsAndComparesWithDirectAndTheBestOtherPeer() throws IOException {
        List<CellSummary> cells = summarize(
                line(1, "supergateway", "peer", 16, 900, 2000),
                line(1, "direct", "direct", 16, 3000, 500),
                line(1, "mcp-proxy", "peer", 16, 1500, 1000),
                line(1, "switchboard", "switchboard", 16, 2000, 600),
                line(2, "direct", "direct", 16, 2000, 700),
                line(2, "supergateway", "peer", 16, 1000, 2200),
                line(2, "mcp-proxy", "peer", 16, 1300, 1100),
                line(2, "switchboard", "switchboard", 16, 2600, 700),
                line(3, "direct", "direct", 16, 2500, 600),
                line(3, "supergateway", "peer", 16, 1100, 2100),
                line(3, "mcp-proxy", "peer", 16, 1400, 900),
                line(3, "switchboard", "switchboard", 16, 2800, 650));

        assertThat(cells).hasSize(1);
        CellSummary cell = cells.get(0);
        assertThat(cell.contenders())
                .extracting(ContenderSummary::contender)
                .containsExactly("direct", "supergateway", "mcp-proxy", "switchboard");
        ContenderSummary direct = cell.find("direct").orElseThrow();
        ContenderSummary proxy = cell.find("mcp-proxy").orElseThrow();
        ContenderSummary switchboard = cell.find("switchboard").orElseThrow();
        assertThat(direct.medianCallsPerSecond()).isEqualTo(2500);
        assertThat(direct.medianP50()).isEqualTo(600);
        assertThat(switchboard.medianCallsPerSecond()).isEqualTo(2600);
        assertThat(cell.ratioToDirect(switchboard)).isCloseTo(2600.0 / 2500, within(1e-9));
        assertThat(cell.bestPeerBesides(switchboard).orElseThrow().contender()).isEqualTo("mcp-proxy");
        assertThat(cell.ratioToBestPeer(switchboard)).isCloseTo(2600.0 / 1400, within(1e-9));
        // a peer is compared with the best of the others, never with itself
        assertThat(cell.ratioToBestPeer(proxy)).isCloseTo(1400.0 / 1000, within(1e-9));
        assertThat(cell.addedP50(switchboard)).isEqualTo(50);
        assertThat(switchboard.medianCpuPerCall()).isEqualTo(325);
        assertThat(switchboard.medianIdleRssKb()).isEqualTo(51200);
        assertThat(switchboard.maxTreeRssKb()).isEqualTo(204800);
    }

    @Test
    void countsARoundThatMeasuredNothingAsZeroCallsPerSecondAndListsWhy() throws IOException {
        List<CellSummary> cells = summarize(
                line(1, "direct", "direct", 1, 1000, 100),
                line(1, "mcp-proxy", "peer", 1, 600, 300),
                line(2, "mcp-proxy", "peer", 1, 700, 300),
                "{\"round\":3,\"downstream\":\"everything\",\"contender\":\"mcp-proxy\",\"kind\":\"peer\","
                        + "\"client\":\"java\",\"mode\":\"pooled\",\"sessions\":1,\"result\":{\"error\":"
                        + "\"all connects failed: connect:transport\"}}",
                "{\"round\":4,\"downstream\":\"everything\",\"contender\":\"mcp-proxy\",\"kind\":\"peer\","
                        + "\"client\":\"java\",\"mode\":\"pooled\",\"sessions\":1,\"failure\":\"no JSON line (exit 137)\"}");

        ContenderSummary proxy = cells.get(0).find("mcp-proxy").orElseThrow();
        assertThat(proxy.medianCallsPerSecond()).isEqualTo(300); // median of 600, 700, 0, 0
        assertThat(proxy.medianP50()).isEqualTo(300); // only the rounds that measured
        assertThat(proxy.failures())
                .containsExactly("1 round: all connects failed: connect:transport", "1 round: no JSON line (exit 137)");
        assertThat(ReportTables.errors(cells))
                .contains("- mcp-proxy in front of everything, pooled, sessions=1, client java: 1 round: all connects");
    }

    @Test
    void sumsFailedCallsByKindOverTheRounds() throws IOException {
        String failing = "{\"round\":%d,\"downstream\":\"demo\",\"contender\":\"supergateway\",\"kind\":\"peer\","
                + "\"client\":\"ts\",\"mode\":\"cold\",\"sessions\":64,\"result\":{\"calls_per_s\":10,\"calls\":90,"
                + "\"errors\":%d,\"errors_by_kind\":{\"timeout\":%d,\"http-503\":1}}}";
        List<CellSummary> cells =
                summarize(String.format(Locale.ROOT, failing, 1, 5, 4), String.format(Locale.ROOT, failing, 2, 11, 10));

        ContenderSummary sg = cells.get(0).contenders().get(0);
        assertThat(sg.errors()).isEqualTo(16);
        assertThat(sg.errorsByKind()).isEqualTo(Map.of("http-503", 2L, "timeout", 14L));
        assertThat(sg.errorShare()).isCloseTo(16.0 / 196, within(1e-9));
        assertThat(cells.get(0).ratioToDirect(sg)).isNaN();
        assertThat(ReportTables.summary(cells)).contains("| demo | cold | 64 | ts | 10.0 ! |");
    }

    @Test
    void saysWhetherAContenderThatNeverMeasuredWasSkippedOrFailed() throws IOException {
        String notMeasured = "{\"round\":1,\"downstream\":\"demo\",\"contender\":\"%s\",\"kind\":\"peer\","
                + "\"client\":\"java\",\"mode\":\"pooled\",\"sessions\":64,\"failure\":\"%s\"}";
        List<CellSummary> cells = summarize(
                String.format(Locale.ROOT, notMeasured, "supergateway", "skipped: one JVM per session"),
                String.format(Locale.ROOT, notMeasured, "supergateway", "skipped: one JVM per session"),
                String.format(Locale.ROOT, notMeasured, "mcp-proxy", "did not start"));

        assertThat(ReportTables.summary(cells)).contains("| demo | pooled | 64 | java | skipped | failed |");
        assertThat(cells.get(0).find("supergateway").orElseThrow().failures())
                .containsExactly("2 rounds: skipped: one JVM per session");
    }

    @Test
    void ordersCellsByDownstreamAndModeAsFirstSeenThenBySessions() throws IOException {
        List<CellSummary> cells = summarize(
                line(1, "direct", "direct", 64, 100, 1),
                line(1, "direct", "direct", 1, 100, 1),
                line(1, "direct", "direct", 16, 100, 1));

        assertThat(cells).extracting(c -> c.key().sessions()).containsExactly(1, 16, 64);
        assertThat(ReportTables.summary(cells)).contains("| everything | pooled | 16 | java | 100 |");
    }

    @Test
    void namesTheLineThatIsNotAMeasurement() throws IOException {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, line(1, "direct", "direct", 1, 1, 1) + "\n{\"round\":1}\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ComparisonReport.read(file))
                .hasMessageEndingWith("bad.jsonl:2: downstream: missing (expected: in every results line)");
    }
}
