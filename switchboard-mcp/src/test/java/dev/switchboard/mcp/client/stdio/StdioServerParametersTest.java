package dev.switchboard.mcp.client.stdio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StdioServerParametersTest {

    @Test
    void hasSensibleDefaults() {
        StdioServerParameters p = StdioServerParameters.of("npx", "-y", "server-everything");

        assertThat(p.args()).containsExactly("-y", "server-everything");
        assertThat(p.env()).isEmpty();
        assertThat(p.inheritEnvironment()).isFalse();
        assertThat(p.workingDirectory()).isNull();
        assertThat(p.maxLineBytes()).isEqualTo(4 * 1024 * 1024);
        assertThat(p.stderrLines()).isEqualTo(200);
        assertThat(p.closeStdinGrace()).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.terminateGrace()).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.killGrace()).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.shutdownBudget()).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.ownProcessGroup()).isTrue();
    }

    @Test
    void showsTheCommandLineWithoutTheEnvironment() {
        StdioServerParameters p = StdioServerParameters.builder("uvx")
                .args(List.of("mcp-server-git", "--repository", "."))
                .env(Map.of("TOKEN", "s3cret"))
                .build();

        assertThat(p.commandLine()).isEqualTo("uvx mcp-server-git --repository .");
    }

    @Test
    void copiesTheCollections() {
        List<String> args = new java.util.ArrayList<>(List.of("a"));
        StdioServerParameters p = new StdioServerParameters(
                "cmd",
                args,
                Map.of(),
                false,
                null,
                4096,
                10,
                Duration.ofSeconds(1),
                Duration.ZERO,
                Duration.ZERO,
                Duration.ZERO,
                true);
        args.add("b");

        assertThat(p.args()).containsExactly("a");
    }

    @Test
    void rejectsABlankCommand() {
        assertThatThrownBy(() -> StdioServerParameters.of(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("command: \" \" (expected: a program name or path)");
    }

    @Test
    void rejectsLimitsOutOfRange() {
        assertThatThrownBy(() ->
                        StdioServerParameters.builder("x").maxLineBytes(10).build())
                .hasMessage("maxLineBytes: 10 (expected: between 1024 and 1073741824)");
        assertThatThrownBy(
                        () -> StdioServerParameters.builder("x").stderrLines(0).build())
                .hasMessage("stderrLines: 0 (expected: between 1 and 10000)");
    }

    @Test
    void rejectsGracesOutOfRange() {
        assertThatThrownBy(() -> StdioServerParameters.builder("x")
                        .shutdownGraces(Duration.ofSeconds(-1), Duration.ZERO, Duration.ZERO)
                        .build())
                .hasMessage("closeStdinGrace: PT-1S (expected: zero or positive, at most PT1M)");
        assertThatThrownBy(() -> StdioServerParameters.builder("x")
                        .shutdownGraces(Duration.ZERO, Duration.ofMinutes(5), Duration.ZERO)
                        .build())
                .hasMessage("terminateGrace: PT5M (expected: zero or positive, at most PT1M)");
        assertThatThrownBy(() -> StdioServerParameters.builder("x")
                        .writeTimeout(Duration.ZERO)
                        .build())
                .hasMessage("writeTimeout: PT0S (expected: positive, at most PT10M)");
    }

    @Test
    void rejectsAVariableNameWithAnEqualsSign() {
        assertThatThrownBy(
                        () -> StdioServerParameters.builder("x").env("A=B", "c").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("env: \"A=B\" (expected: a variable name without '=' or NUL)");
    }
}
