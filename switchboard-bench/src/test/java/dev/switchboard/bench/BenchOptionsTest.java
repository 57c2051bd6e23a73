package dev.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void quickShortensTheTimingsAndLaterOptionsOverrideIt() {
        BenchOptions o = BenchOptions.parse("--quick", "--measure", "2s", "--callers", "4,8");

        assertThat(o.rounds()).isEqualTo(1);
        assertThat(o.warmup()).isEqualTo(Duration.ofMillis(500));
        assertThat(o.measure()).isEqualTo(Duration.ofSeconds(2));
        assertThat(o.callers()).containsExactly(4, 8);
    }

    @Test
    void keepsTargetsAndClientsInDeclaredOrder() {
        BenchOptions o = BenchOptions.parse("--targets", "http,stdio", "--clients", "sdk-serialized,switchboard");

        assertThat(o.targets()).containsExactly(Target.STDIO, Target.HTTP);
        assertThat(o.contenders()).containsExactly(Contender.SWITCHBOARD, Contender.SDK_SERIALIZED);
        assertThat(o.measures(Target.HTTP, Contender.SDK_SERIALIZED)).isFalse();
    }

    @Test
    void collectsRepeatedServerJvmArguments() {
        BenchOptions o = BenchOptions.parse("--server-jvm-arg", "-Xmx256m", "--server-jvm-arg", "-XX:+UseSerialGC");

        assertThat(o.serverJvmArgs()).isEqualTo(List.of("-Xmx256m", "-XX:+UseSerialGC"));
    }

    @Test
    void rejectsUnknownOptionsAndBadValuesNamingThem() {
        assertThatThrownBy(() -> BenchOptions.parse("--colour", "red")).hasMessageContaining("--colour");
        assertThatThrownBy(() -> BenchOptions.parse("--measure", "soon"))
                .hasMessage("--measure: soon (expected: a duration such as 500ms, 3s or 2m)");
        assertThatThrownBy(() -> BenchOptions.parse("--clients", "grpc")).hasMessageContaining("grpc");
        assertThatThrownBy(() -> BenchOptions.parse("--callers", "0")).hasMessage("callers: 0 (expected: 1..4096)");
        assertThatThrownBy(() -> BenchOptions.parse("--rounds")).hasMessageContaining("no value");
    }
}
