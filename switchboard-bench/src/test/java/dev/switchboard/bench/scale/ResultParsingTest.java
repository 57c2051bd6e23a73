package dev.switchboard.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultParsingTest {

    @Test
    void readsTheHeapOfG1AsJdk25PrintsIt() {
        String info = """
                12087:
                garbage-first heap   total reserved 524288K, committed 119808K, used 73871K [0x00000000e0000000, 0x0000000100000000)
                 region size 1024K, 39 young (39936K), 0 survivors (0K)
                 Metaspace       used 20000K, committed 20480K, reserved 1114112K
                """;

        assertThat(HeapUsage.parse(info)).isEqualTo(new HeapUsage.Heap(73871, 119808));
    }

    @Test
    void addsUpTheGenerationsOfOlderCollectorsAndReadsZgc() {
        String parallel = """
                 PSYoungGen      total 76288K, used 3932K [0x1, 0x2, 0x3)
                  eden space 65536K, 6% used [0x1,0x2,0x3)
                 ParOldGen       total 175104K, used 1M [0x1, 0x2, 0x3)
                 Metaspace       used 3000K, committed 3200K, reserved 1056768K
                """;
        String z = " ZHeap           used 22M, capacity 256M, max capacity 4000M\n Metaspace       used 1000K\n";

        assertThat(HeapUsage.parse(parallel)).isEqualTo(new HeapUsage.Heap(3932 + 1024, 76288 + 175104));
        assertThat(HeapUsage.parse(z)).isEqualTo(new HeapUsage.Heap(22 * 1024, 256 * 1024));
        assertThat(HeapUsage.parse("")).isEqualTo(HeapUsage.Heap.UNKNOWN);
    }

    @Test
    void findsTheBaseUriInTheGatewaysListeningLine() {
        String line = "12:23:43.471 INFO  [main] dev.switchboard.server.Gateway - Switchboard gateway listening on"
                + " http://127.0.0.1:38255/ (config /tmp/scale-1000.yaml, auth off: loopback only)";

        assertThat(ServeStartup.listeningBase(line)).isEqualTo(URI.create("http://127.0.0.1:38255/"));
        assertThat(ServeStartup.listeningBase("12:23:43.557 INFO Server s0001: stdio, shared, lazy, idle"))
                .isNull();
    }

    @Test
    void splitsAStartupCaseIntoItsLabelAndCommand() {
        ServeStartup.Case c = ServeStartup.Options.parseCase("stdio=java  -jar sb.jar serve --listen 127.0.0.1:0");

        assertThat(c.label()).isEqualTo("stdio");
        assertThat(c.command()).containsExactly("java", "-jar", "sb.jar", "serve", "--listen", "127.0.0.1:0");
        assertThatThrownBy(() -> ServeStartup.Options.parseCase("java -jar x"))
                .hasMessageContaining("expected: LABEL=COMMAND ARGS...");
        assertThatThrownBy(() -> ServeStartup.Options.parse(List.of("--rounds", "3")))
                .hasMessageContaining("--case: missing");
    }

    @Test
    void summarizesTheRoundsOfOneCase() {
        ThreadCpu cpu = new ThreadCpu(900, 800, 20, 50);
        List<ServeStartup.Round> rounds = List.of(
                new ServeStartup.Round(1_000_000_000L, 1_500_000_000L, 2_000_000_000L, cpu),
                new ServeStartup.Round(900_000_000L, 1_200_000_000L, 1_800_000_000L, cpu),
                new ServeStartup.Round(1_100_000_000L, 1_300_000_000L, 1_900_000_000L, cpu));

        assertThat(ServeStartup.summary("stdio-1000", rounds))
                .contains(
                        "\"label\":\"stdio-1000\"",
                        "\"median_ready_ms\":1300.0",
                        "\"min_ready_ms\":1200.0",
                        "\"median_cpu_ms\":1900.0",
                        "\"median_cpu_main_ms\":900.0");
    }

    @Test
    void countsUserAndSystemTicksOfAThreadWhoseNameHasSpacesAndParentheses() {
        String stat = "4242 (C2 Compiler (x)) S 1 4242 4242 0 -1 4194368 100 0 0 0 73 12 0 0 20 0 30 0 500 0 0";

        assertThat(ThreadCpu.ticks(stat)).isEqualTo(85);
        assertThat(ThreadCpu.ticks("garbage")).isEqualTo(-1);
        assertThat(ThreadCpu.kind("java")).isZero();
        assertThat(ThreadCpu.kind("C1 CompilerThre")).isEqualTo(1);
        assertThat(ThreadCpu.kind("GC Thread#0")).isEqualTo(2);
        assertThat(ThreadCpu.kind("gateway-io-24")).isEqualTo(3);
    }

    @Test
    void givesTheHeapOfOneSessionAndOfTenThousand() {
        IdleResult result = new IdleResult(
                "idle",
                1000,
                1000,
                1.5,
                100,
                100,
                1000,
                new HeapUsage.Heap(20 * 1024, 64 * 1024),
                new HeapUsage.Heap(30 * 1024, 64 * 1024),
                new IdleResult.Rss(100_000, 110_000, 120_000),
                null);

        assertThat(result.heapBytesPerSession()).isEqualTo(10486);
        assertThat(result.rssBytesPerSession()).isEqualTo(10_000 * 1024 / 1000);
        assertThat(result.heapMbAt(10_000)).isCloseTo(120.0, within(0.1));
        assertThat(result.json())
                .contains("\"sessions_opened\":1000", "\"heap_bytes_per_session\":10486", "\"first_failure\":null");
    }

    @Test
    void leavesTheCostPerSessionUnknownWhenAHeapIsUnknownOrNoSessionOpened() {
        IdleResult none = new IdleResult(
                "idle",
                10,
                0,
                1,
                0,
                0,
                0,
                new HeapUsage.Heap(1, 1),
                new HeapUsage.Heap(2, 2),
                new IdleResult.Rss(-1, -1, -1),
                "initialize: HTTP 503");

        assertThat(none.heapBytesPerSession()).isEqualTo(-1);
        assertThat(none.rssBytesPerSession()).isEqualTo(-1);
        assertThat(none.json()).contains("\"first_failure\":\"initialize: HTTP 503\"");
    }

    @Test
    void takesTheMedianOfTheLaterRounds() {
        List<StartupTime.Round> rounds = List.of(
                new StartupTime.Round(1, "stdio", 1_000_000, 0, 0, 0, 0, 0),
                new StartupTime.Round(1, "stdio", 3_000_000, 0, 0, 0, 0, 0),
                new StartupTime.Round(1, "stdio", 2_000_000, 0, 0, 0, 0, 0));

        assertThat(StartupTime.median(rounds, StartupTime.Round::load)).isEqualTo(2_000_000);
        assertThat(StartupTime.median(List.of(), StartupTime.Round::load)).isEqualTo(-1);
        assertThat(StartupTime.ms(1_250_000)).isEqualTo("1.3");
        assertThat(ServeStartup.median(new long[] {1, 2, 3, 4})).isEqualTo(2);
    }
}
