package dev.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PooledVsColdOptionsTest {

    @Test
    void boundsEveryMeasurementByTimeAndCallsByDefault() {
        PooledVsColdOptions o = PooledVsColdOptions.defaults();

        assertThat(o.targets()).containsExactly(Target.STDIO, Target.HTTP);
        assertThat(o.callers()).containsExactly(1);
        assertThat(o.pooledMeasure()).isEqualTo(Duration.ofSeconds(3));
        assertThat(o.coldMeasure()).isEqualTo(Duration.ofSeconds(6));
        assertThat(o.pooledMaxCalls()).isEqualTo(1_000_000);
        assertThat(o.coldMaxCalls()).isEqualTo(20_000);
    }

    @Test
    void quickShortensTheTimingsAndLaterOptionsOverrideIt() {
        PooledVsColdOptions o =
                PooledVsColdOptions.parse("--quick", "--cold-measure", "3s", "--targets", "http", "--callers", "1,4");

        assertThat(o.rounds()).isEqualTo(1);
        assertThat(o.pooledMeasure()).isEqualTo(Duration.ofSeconds(1));
        assertThat(o.coldMeasure()).isEqualTo(Duration.ofSeconds(3));
        assertThat(o.targets()).containsExactly(Target.HTTP);
        assertThat(o.callers()).containsExactly(1, 4);
    }

    @Test
    void collectsRepeatedServerJvmArguments() {
        PooledVsColdOptions o = PooledVsColdOptions.parse("--server-jvm-arg", "-Xmx64m", "--server-jvm-arg", "-Xss1m");

        assertThat(o.serverJvmArgs()).isEqualTo(List.of("-Xmx64m", "-Xss1m"));
    }

    @Test
    void rejectsUnknownOptionsAndValuesOutOfRangeNamingThem() {
        assertThatThrownBy(() -> PooledVsColdOptions.parse("--wire", "x")).hasMessageContaining("--wire");
        assertThatThrownBy(() -> PooledVsColdOptions.parse("--callers", "0"))
                .hasMessage("callers: 0 (expected: 1..64)");
        assertThatThrownBy(() -> PooledVsColdOptions.parse("--cold-measure", "0s"))
                .hasMessage("cold-measure: PT0S (expected: a positive duration)");
        assertThatThrownBy(() -> PooledVsColdOptions.parse("--rounds"))
                .hasMessage("--rounds: no value (expected: --rounds VALUE, see --help)");
    }

    @Test
    void showsLatenciesInMicrosecondsBelowAMillisecond() {
        assertThat(PooledVsColdReport.latency(89_400)).isEqualTo("89 µs");
        assertThat(PooledVsColdReport.latency(1_750_000)).isEqualTo("1.8 ms");
        assertThat(PooledVsColdReport.latency(1_929_380_000L)).isEqualTo("1,929 ms");
    }
}
