package dev.switchboard.mcp.client.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MinimalEnvironmentTest {
    private static final Map<String, String> PARENT = Map.of(
            "PATH", "/usr/bin:/bin",
            "HOME", "/home/gw",
            "LANG", "C.UTF-8",
            "AWS_SECRET_ACCESS_KEY", "do-not-leak",
            "GITHUB_TOKEN", "do-not-leak-either",
            "SystemRoot", "C:\\Windows");

    @Test
    void passesOnlyTheBaseVariablesOfTheParent() {
        Map<String, String> env = MinimalEnvironment.of(PARENT, StdioServerParameters.of("server"));

        assertThat(env).containsOnlyKeys("PATH", "HOME", "LANG", "SystemRoot").containsEntry("PATH", "/usr/bin:/bin");
    }

    @Test
    void layersTheConfiguredVariablesOnTop() {
        StdioServerParameters parameters = StdioServerParameters.builder("server")
                .env("GITHUB_TOKEN", "for-this-server")
                .env("PATH", "/opt/server/bin")
                .build();

        Map<String, String> env = MinimalEnvironment.of(PARENT, parameters);

        assertThat(env).containsEntry("GITHUB_TOKEN", "for-this-server").containsEntry("PATH", "/opt/server/bin");
        assertThat(env).doesNotContainKey("AWS_SECRET_ACCESS_KEY");
    }

    @Test
    void passesTheWholeParentEnvironmentWhenAskedTo() {
        StdioServerParameters parameters = StdioServerParameters.builder("server")
                .inheritEnvironment(true)
                .env("EXTRA", "1")
                .build();

        Map<String, String> env = MinimalEnvironment.of(PARENT, parameters);

        assertThat(env).containsAllEntriesOf(PARENT).containsEntry("EXTRA", "1");
    }

    @Test
    void matchesBaseNamesIgnoringCase() {
        Map<String, String> env = MinimalEnvironment.of(
                Map.of("Path", "C:\\bin", "SYSTEMROOT", "C:\\Windows"), StdioServerParameters.of("x"));

        assertThat(env).containsOnlyKeys("Path", "SYSTEMROOT");
    }
}
