package dev.switchboard.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvExpansionTest {
    private static final Map<String, String> ENV = Map.of("HOST", "example.com", "EMPTY", "", "PORT", "8443");

    private final EnvExpander expander = new EnvExpander(ENV);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
                    https://${HOST}/mcp            | https://example.com/mcp
                    ${HOST}:${PORT}                | example.com:8443
                    ${MISSING:-fallback}           | fallback
                    ${EMPTY:-fallback}             | fallback
                    ${HOST:-fallback}              | example.com
                    ${MISSING:-}                   | ''
                    ${EMPTY}                       | ''
                    ${env:HOST}                    | example.com
                    $${HOST}                       | ${HOST}
                    $HOST and $                    | $HOST and $
                    price: 5$                      | price: 5$
                    no variables                   | no variables
                    """)
    void expandsVariablesDefaultsAndEscapes(String raw, String expanded) {
        Problems problems = new Problems(Map.of(), java.util.Set.of());

        assertThat(expander.expand(raw, ConfigPath.ROOT.key("value"), problems)).isEqualTo(expanded);
        assertThat(problems.count()).isZero();
    }

    @Test
    void namesTheMissingVariableAndWhereItIsUsed() {
        Problems problems = new Problems(Map.of(), java.util.Set.of());

        String expanded = expander.expand(
                "Bearer ${API_TOKEN} for ${HOST}",
                ConfigPath.ROOT.key("mcpServers").key("api").key("url"),
                problems);

        assertThat(expanded).isNull();
        assertThat(problems.sorted())
                .map(ConfigError::toString)
                .containsExactly("mcpServers.api.url: environment variable API_TOKEN is not set (expected: API_TOKEN"
                        + " set, or a default as in ${API_TOKEN:-value})");
    }

    @Test
    void reportsEveryMissingVariableOfAValue() {
        Problems problems = new Problems(Map.of(), java.util.Set.of());

        expander.expand("${A}${B}${1X}", ConfigPath.ROOT.key("v"), problems);

        assertThat(problems.sorted())
                .map(ConfigError::message)
                .containsExactly(
                        "environment variable A is not set (expected: A set, or a default as in ${A:-value})",
                        "environment variable B is not set (expected: B set, or a default as in ${B:-value})",
                        "${1X} (expected: ${NAME} or ${NAME:-default}, where NAME is letters, digits and '_' not"
                                + " starting with a digit)");
    }

    @Test
    void suppliesNumbersBooleansAndDurationsFromTheEnvironment() {
        Map<String, String> env = Map.of("MAX", "7", "EAGER", "true", "CALL", "45s", "MODE", "per-session");
        String yaml = """
                mcpServers:
                  a:
                    command: npx
                    eager: ${EAGER}
                    sessionMode: ${MODE}
                    timeouts: {call: "${CALL}", connect: "${CONNECT:-2s}"}
                    pool: {maxPerKey: "${MAX}"}
                """;

        ServerSettings settings = new ConfigLoader(env)
                .parse(yaml, "env.yaml")
                .orElseThrow()
                .config()
                .servers()
                .get("a")
                .settings();

        assertThat(settings.eager()).isTrue();
        assertThat(settings.sessionMode()).isEqualTo(SessionMode.PER_SESSION);
        assertThat(settings.timeouts().call()).isEqualTo(Duration.ofSeconds(45));
        assertThat(settings.timeouts().connect()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.pool().maxPerKey()).isEqualTo(7);
    }

    @Test
    void showsTheExpandedValueWhenItIsWrong() {
        ConfigResult result = new ConfigLoader(Map.of("MAX", "lots"))
                .parse("mcpServers: {a: {command: npx, pool: {maxPerKey: \"${MAX}\"}}}", "env.yaml");

        assertThat(result.errors())
                .map(ConfigError::toString)
                .containsExactly("mcpServers.a.pool.maxPerKey: \"lots\" (expected: an integer from 1 to 100000)");
    }

    @Test
    void readsOnlyTheEnvironmentItWasGiven() {
        // PATH is set in every environment this test runs in, but not in the one given
        ConfigResult result = new ConfigLoader(Map.of()).parse("mcpServers: {a: {command: \"${PATH}\"}}", "env.yaml");

        assertThat(result.errors())
                .map(ConfigError::toString)
                .containsExactly("mcpServers.a.command: environment variable PATH is not set (expected: PATH set, or a"
                        + " default as in ${PATH:-value})");
    }
}
