package dev.switchboard.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code switchboard tools} in this JVM, against the demo server over stdio and a broken server. */
class ToolsCommandIT {
    @TempDir
    Path dir;

    private Path file;

    @BeforeEach
    void writeConfig() throws Exception {
        file = new DemoConfigs().demo("demo", "30s").missingCommand("broken").write(dir);
    }

    @Test
    void listsTheExposedNameServerAndFirstDescriptionLineOfEachTool() {
        Cli.Run run = Cli.run("tools", "--config", file.toString());

        assertThat(run.status()).isZero();
        assertThat(run.outLines().getFirst()).matches("NAME +SERVER +DESCRIPTION");
        assertThat(run.outLines())
                .anyMatch(line -> line.matches("demo__echo +demo +Returns the message it is given, as text\\."))
                .anyMatch(line -> line.matches("demo__slow +demo +Waits the given number of milliseconds.*"));
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .startsWith("tools: server broken is not ready (failed, process-start: ")
                .endsWith("); its tools are not listed");
    }

    @Test
    void printsTheDefinitionsUnderTheirExposedNamesAsAJsonArray() {
        Cli.Run run = Cli.run("tools", "--config", file.toString(), "--server", "demo", "--json");

        assertThat(run.status()).isZero();
        JsonNode tools = JsonMapper.shared().readTree(run.out());
        assertThat(tools.isArray()).isTrue();
        assertThat(tools.valueStream().map(t -> t.path("name").asString())).contains("demo__echo", "demo__add");
        JsonNode echo = tools.valueStream()
                .filter(t -> t.path("name").asString().equals("demo__echo"))
                .findFirst()
                .orElseThrow();
        assertThat(echo.path("inputSchema").path("properties").has("message")).isTrue();
        assertThat(run.out()).startsWith("[\n  {\n    \"name\": \"demo__");
        assertThat(run.err()).as("the other servers are not started").doesNotContain("broken");
    }

    @Test
    void exitsWithOneWhenTheChosenServerCannotListItsTools() {
        Cli.Run run = Cli.run("tools", "--config", file.toString(), "--server", "broken");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).singleElement().asString().startsWith("tools: server broken is not ready (failed");
    }
}
