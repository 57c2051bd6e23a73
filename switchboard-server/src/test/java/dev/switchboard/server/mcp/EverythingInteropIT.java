package dev.switchboard.server.mcp;

import static dev.switchboard.server.mcp.AggregateViewIT.args;
import static dev.switchboard.server.mcp.AggregateViewIT.names;
import static dev.switchboard.server.mcp.AggregateViewIT.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.mcp.client.McpClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reference server-everything and the demo server behind the aggregate, listed and called with
 * their namespaced names by the MCP inspector's CLI and by our client.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EverythingInteropIT {
    private TestGateway gateway;

    @BeforeAll
    void start() {
        gateway = TestGateway.start(Configs.file(
                "", Configs.everything("everything", "eager: true"), Configs.demoStdio("demo", "eager: true")));
    }

    @AfterAll
    void stop() {
        gateway.close();
    }

    @Test
    void theInspectorListsAndCallsNamespacedToolsThroughTheAggregate() throws Exception {
        JsonNode listed = inspector("--method", "tools/list");
        assertThat(names(listed, "tools")).contains("everything__echo", "everything__get-sum", "demo__echo");

        JsonNode called =
                inspector("--method", "tools/call", "--tool-name", "everything__echo", "--tool-arg", "message=hi");
        assertThat(text(called)).contains("hi");
    }

    @Test
    void ourClientCallsServerEverythingsToolsAndReadsItsResources() {
        McpClient client = gateway.connect("/mcp", null);

        assertThat(text(client.callTool("everything__echo", args("message", "from java"))))
                .contains("from java");
        JsonNode resources = client.request("resources/list", null);
        assertThat(resources.path("resources").size()).isPositive();
        String uri = resources.path("resources").get(0).path("uri").asString();
        JsonNode read = client.request("resources/read", AggregateViewIT.object("uri", uri));
        assertThat(read.path("contents").size()).isPositive();
    }

    /** Runs the inspector's CLI against the aggregate; its JSON output. */
    private JsonNode inspector(String... args) throws IOException, InterruptedException {
        Path interop = Configs.interopDir();
        Path cli = interop.resolve("node_modules/@modelcontextprotocol/inspector-cli/build/index.js");
        if (!Files.exists(cli)) {
            throw new IllegalStateException(cli + " is missing: run `npm ci` in " + interop);
        }
        List<String> command = new ArrayList<>(
                List.of("node", cli.toString(), gateway.uri("/mcp").toString()));
        command.addAll(List.of("--transport", "http"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("inspector-", ".out");
        Process process = new ProcessBuilder(command)
                .directory(interop.resolve("shim").toFile())
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS))
                    .as("the inspector ends")
                    .isTrue();
            String output = Files.readString(out, StandardCharsets.UTF_8);
            assertThat(process.exitValue())
                    .as("exit status; output:\n%s", output)
                    .isZero();
            return JsonMapper.shared().readTree(output);
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Files.deleteIfExists(out);
        }
    }
}
