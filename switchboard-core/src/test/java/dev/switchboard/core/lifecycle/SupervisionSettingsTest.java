package dev.switchboard.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SupervisionSettingsTest {
    @Test
    void defaultsAreTheDocumentedOnes() {
        SupervisionSettings d = SupervisionSettings.DEFAULTS;

        assertThat(d.backoffBase()).isEqualTo(Duration.ofSeconds(1));
        assertThat(d.backoffCeiling()).isEqualTo(Duration.ofSeconds(60));
        assertThat(d.stableUptime()).isEqualTo(Duration.ofSeconds(60));
        assertThat(d.maxProcesses()).isEqualTo(1);
        assertThat(d.toolPageCap()).isEqualTo(100);
    }

    @Test
    void rejectsValuesOutOfRangeNamingTheField() {
        assertThatThrownBy(() -> SupervisionSettings.DEFAULTS.withBackoff(Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessage("backoffBase: PT0S (expected: a positive duration)");
        assertThatThrownBy(() -> SupervisionSettings.DEFAULTS.withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessage("backoffCeiling: PT1S (expected: at least backoffBase PT2S)");
        assertThatThrownBy(() -> SupervisionSettings.DEFAULTS.withMaxProcesses(0))
                .hasMessage("maxProcesses: 0 (expected: at least 1)");
        assertThatThrownBy(() -> SupervisionSettings.DEFAULTS.withStopTimeouts(
                        Duration.ofSeconds(1), Duration.ofSeconds(-1), Duration.ofSeconds(1)))
                .hasMessage("closeTimeout: PT-1S (expected: a positive duration)");
    }

    @Test
    void statusKeepsOnlyTheLastStderrLines() {
        List<String> lines = IntStream.range(0, 50).mapToObj(i -> "line " + i).toList();

        ServerStatus status =
                new ServerStatus("s", "stdio", ServerState.FAILED, null, null, null, 0, lines, null, null, null, 0, 0);

        assertThat(status.stderrTail()).hasSize(ServerStatus.STDERR_TAIL_LINES).endsWith("line 49");
        assertThat(new ServerStatus(
                                "s",
                                "stdio",
                                ServerState.IDLE,
                                null,
                                null,
                                null,
                                0,
                                Collections.emptyList(),
                                null,
                                null,
                                null,
                                0,
                                0)
                        .stderrTail())
                .isEmpty();
    }
}
