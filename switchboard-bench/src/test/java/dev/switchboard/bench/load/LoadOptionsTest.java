package dev.switchboard.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {

    @Test
    void readsEveryOptionOfAnHttpRun() {
        LoadOptions o = LoadOptions.parse(
                "--url",
                "http://127.0.0.1:8808/mcp",
                "--sessions",
                "16",
                "--duration",
                "10s",
                "--warmup",
                "500ms",
                "--max-calls",
                "200_000",
                "--tool",
                "demo__echo",
                "--args",
                "{\"message\":\"hi\"}",
                "--expect",
                "hi",
                "--cold",
                "--call-timeout",
                "2s",
                "--watch-pid",
                "1234",
                "--label",
                "round 1",
                "--quiet");

        assertThat(o.url()).isEqualTo(URI.create("http://127.0.0.1:8808/mcp"));
        assertThat(o.command()).isEmpty();
        assertThat(o.sessions()).isEqualTo(16);
        assertThat(o.duration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.warmup()).isEqualTo(Duration.ofMillis(500));
        assertThat(o.maxCalls()).isEqualTo(200_000);
        assertThat(o.tool()).isEqualTo("demo__echo");
        assertThat(o.argumentsJson().path("message").asString()).isEqualTo("hi");
        assertThat(o.expect()).isEqualTo("hi");
        assertThat(o.cold()).isTrue();
        assertThat(o.mode()).isEqualTo("cold");
        assertThat(o.callTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(o.watchPid()).isEqualTo(1234);
        assertThat(o.label()).isEqualTo("round 1");
        assertThat(o.quiet()).isTrue();
    }

    @Test
    void defaultsToOnePooledSessionCallingEchoForTenSeconds() {
        LoadOptions o = LoadOptions.parse("--url", "http://127.0.0.1:1/mcp");

        assertThat(o.sessions()).isEqualTo(1);
        assertThat(o.mode()).isEqualTo("pooled");
        assertThat(o.duration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.warmup()).isEqualTo(Duration.ofSeconds(2));
        assertThat(o.tool()).isEqualTo("echo");
        assertThat(o.expect()).isNull();
        assertThat(o.watchPid()).isZero();
    }

    @Test
    void takesAStdioCommandAsOneStringOrAsTheWordsAfterTheDoubleDash() {
        LoadOptions joined = LoadOptions.parse("--command", "node  server.js stdio", "--sessions", "2");
        LoadOptions split = LoadOptions.parse("--sessions", "2", "--", "node", "server.js", "--cold");

        assertThat(joined.command()).containsExactly("node", "server.js", "stdio");
        assertThat(joined.target()).isEqualTo("stdio:node server.js stdio");
        // after "--" every word belongs to the command, even one that looks like an option
        assertThat(split.command()).isEqualTo(List.of("node", "server.js", "--cold"));
        assertThat(split.cold()).isFalse();
    }

    @Test
    void allowsTenThousandSessionsOnlyWhenTheyStayIdle() {
        String url = "http://127.0.0.1:1/mcp";

        assertThat(LoadOptions.parse("--url", url, "--idle", "--sessions", "10000")
                        .mode())
                .isEqualTo("idle");
        assertThatThrownBy(() -> LoadOptions.parse("--url", url, "--sessions", "10000"))
                .hasMessage("--sessions: 10000 (expected: 1..1024)");
        assertThatThrownBy(() -> LoadOptions.parse("--url", url, "--idle", "--cold"))
                .hasMessage("--idle: with --cold (expected: one of them)");
    }

    @Test
    void readsDurationsWithAndWithoutUnits() {
        assertThat(LoadOptions.parseDuration("d", "250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(LoadOptions.parseDuration("d", "1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(LoadOptions.parseDuration("d", "3")).isEqualTo(Duration.ofSeconds(3));
        assertThat(LoadOptions.parseDuration("d", "2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(LoadOptions.parseDuration("d", "0")).isEqualTo(Duration.ZERO);
    }

    @Test
    void rejectsBadValuesNamingTheOptionAndWhatWasExpected() {
        String url = "http://127.0.0.1:1/mcp";
        assertThatThrownBy(() -> LoadOptions.parse("--sessions", "2"))
                .hasMessage("target: none (expected: --url URL or a stdio command)");
        assertThatThrownBy(() -> LoadOptions.parse("--url", url, "--command", "node x"))
                .hasMessage("target: both (expected: --url URL or a stdio command)");
        assertThatThrownBy(() -> LoadOptions.parse("--url", "ftp://127.0.0.1/mcp"))
                .hasMessage("--url: ftp://127.0.0.1/mcp (expected: an http or https URL)");
        assertThatThrownBy(() -> LoadOptions.parse("--url", url, "--sessions", "0"))
                .hasMessage("--sessions: 0 (expected: 1..1024)");
        assertThatThrownBy(() -> LoadOptions.parse("--url", url, "--duration", "soon"))
                .hasMessage("--duration: soon (expected: a duration such as 500ms, 3s or 2m)");
        assertThatThrownBy(() -> LoadOptions.parse("--url", url, "--duration", "11m"))
                .hasMessageStartingWith("--duration: PT11M (expected: ");
        assertThatThrownBy(() -> LoadOptions.parse("--url", url, "--args", "[1]"))
                .hasMessage("--args: [1] (expected: a JSON object)");
        assertThatThrownBy(() -> LoadOptions.parse("--url", url, "--max-calls", "many"))
                .hasMessage("--max-calls: many (expected: an integer)");
        assertThatThrownBy(() -> LoadOptions.parse("--url", url, "--colour", "red"))
                .hasMessage("option: --colour (expected: one of --help)");
        assertThatThrownBy(() -> LoadOptions.parse("--url", url, "--tool"))
                .hasMessage("--tool: no value (expected: --tool VALUE)");
    }
}
