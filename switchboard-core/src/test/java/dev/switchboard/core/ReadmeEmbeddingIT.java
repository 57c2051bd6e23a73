package dev.switchboard.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.lifecycle.ServerState;
import dev.switchboard.mcp.demo.DemoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The README's "Embedding" example, kept compiling and running: the code between the markers below
 * runs against the demo server, and must be the code of the README's example, line for line.
 */
class ReadmeEmbeddingIT {
    private static final String START = "// --- README embedding example starts here ---";
    private static final String END = "// --- README embedding example ends here ---";

    @TempDir
    Path dir;

    @Test
    void theReadmeEmbeddingExampleRunsAgainstTheDemoServer() throws IOException {
        Path file = dir.resolve("switchboard.yaml");
        Files.writeString(file, demoConfig());
        // --- README embedding example starts here ---
        try (Switchboard switchboard = Switchboard.fromFile(file)) {
            // lazy servers connect at first use; connect them all now to list every tool
            for (ServerInfo server : switchboard.connectAll(Duration.ofSeconds(30))) {
                System.out.println(server.name() + ": " + server.state() + ", " + server.toolCount() + " tools");
            }
            for (ToolInfo tool : switchboard.tools()) {
                System.out.println(tool.name() + " - " + tool.description());
            }
            ObjectNode args = JsonNodeFactory.instance.objectNode().put("message", "hello");
            JsonNode result = switchboard.callTool("demo", "echo", args); // by server and tool
            JsonNode same = switchboard.callRouted("demo__echo", args); // or by aggregate name
            System.out.println(result.path("content").path(0).path("text").asString());

            // edit the file, then: unchanged servers keep their sessions and processes
            ReloadResult reload = switchboard.reload(file);
            System.out.println(reload);
            // --- README embedding example ends here ---
            assertThat(result.path("content").path(0).path("text").asString()).isEqualTo("hello");
            assertThat(same).isEqualTo(result);
            assertThat(reload.unchanged()).containsExactly("demo");
            assertThat(switchboard.server("demo").orElseThrow().state()).isEqualTo(ServerState.READY);
            assertThat(switchboard.tools()).extracting(ToolInfo::name).contains("demo__echo", "demo__add");
        }
    }

    @Test
    void theReadmeShowsTheCodeThisTestRuns() throws IOException {
        List<String> tested = block(Files.readAllLines(source()), START, END);
        List<String> readme = block(Files.readAllLines(readme()), "try (Switchboard switchboard", "```");

        assertThat(tested).isNotEmpty();
        // the README closes the try block where the test goes on asserting
        assertThat(readme.getLast()).isEqualTo("}");
        assertThat(readme.subList(0, readme.size() - 1)).containsExactlyElementsOf(tested);
    }

    private static String demoConfig() {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(DemoServer.class.getName());
        StringBuilder yaml = new StringBuilder("mcpServers:\n  demo:\n    command: \"")
                .append(command.getFirst())
                .append("\"\n    args:\n");
        for (String arg : command.subList(1, command.size())) {
            yaml.append("      - \"").append(arg).append("\"\n");
        }
        return yaml.toString();
    }

    /**
     * The trimmed lines from the line starting with {@code from} (that line too, unless it is a
     * marker comment) to the line starting with {@code to}, without it.
     */
    private static List<String> block(List<String> lines, String from, String to) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String line : lines) {
            String trimmed = line.trim();
            if (!in && trimmed.startsWith(from)) {
                in = true;
                if (!trimmed.startsWith("// ---")) {
                    out.add(trimmed);
                }
                continue;
            }
            if (in && trimmed.startsWith(to)) {
                break;
            }
            if (in && !trimmed.isEmpty()) {
                out.add(trimmed);
            }
        }
        return out;
    }

    private static Path source() {
        return Path.of("src/test/java/dev/switchboard/core/ReadmeEmbeddingIT.java")
                .toAbsolutePath();
    }

    private static Path readme() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("README.md")) && Files.isDirectory(p.resolve("switchboard-core"))) {
                return p.resolve("README.md");
            }
        }
        throw new IllegalStateException(
                "README.md not found above " + Path.of("").toAbsolutePath());
    }
}
