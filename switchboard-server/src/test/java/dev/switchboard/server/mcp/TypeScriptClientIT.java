package dev.switchboard.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.demo.DemoServer;
import dev.switchboard.mcp.server.http.McpHttpServer;
import dev.switchboard.mcp.server.http.McpHttpServerOptions;
import dev.switchboard.server.cli.SwitchboardCommand;
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
 * The TypeScript SDK's client ({@code interop/ts-client.mjs}) against the views: the aggregate over
 * Streamable HTTP, one server passed through (sampling and progress relayed from a demo server behind
 * the gateway over Streamable HTTP), and {@code switchboard stdio} as a desktop client starts it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TypeScriptClientIT {
    private final McpRuntime demoRuntime = new McpRuntime();
    private McpHttpServer remote;
    private TestGateway gateway;

    @BeforeAll
    void start() {
        remote = DemoServer.startHttp(
                demoRuntime, McpHttpServerOptions.defaults().withPort(0));
        // echo and add only on remote: the client calls them by their bare names, which must be unique
        gateway = TestGateway.start(Configs.file(
                "",
                Configs.demoStdio("demo", "eager: true", "tools: {deny: [\"echo\", \"add\"]}"),
                Configs.http("remote", remote.mcpEndpoint())));
    }

    @AfterAll
    void stop() {
        gateway.close();
        remote.close();
        demoRuntime.close();
    }

    @Test
    void listsAndCallsNamespacedToolsThroughTheAggregate() throws Exception {
        JsonNode seen = run("--url", gateway.uri("/mcp").toString());

        assertThat(seen.path("ok").asBoolean()).as("%s", seen).isTrue();
        assertThat(strings(seen.path("tools")))
                .contains("remote__echo", "remote__add", "demo__slow")
                .doesNotContain("demo__echo");
        assertThat(seen.path("echo").asString()).contains("hello from TypeScript");
        assertThat(seen.path("add").path("text").asString()).contains("42");
        assertThat(strings(seen.path("prompts"))).contains("demo__test_simple_prompt");
        assertThat(seen.path("clientErrors").size()).isZero();
    }

    @Test
    void relaysSamplingAndProgressThroughOneServersView() throws Exception {
        JsonNode seen = run("--url", gateway.uri("/mcp/servers/remote").toString());

        assertThat(seen.path("ok").asBoolean()).as("%s", seen).isTrue();
        assertThat(strings(seen.path("tools"))).contains("echo", "test_sampling");
        assertThat(seen.path("sampling").asString()).contains("a canned reply from the TypeScript SDK client");
        assertThat(seen.path("samplingRequests").asInt()).isEqualTo(1);
        assertThat(strings(seen.path("progress")).size()
                        + seen.path("lateProgress").size())
                .isEqualTo(3);
    }

    @Test
    void servesTheAggregateOverStdioWithOnlyProtocolOnStandardOutput() throws Exception {
        Path config = Files.createTempFile("switchboard-stdio-", ".yaml");
        try {
            Files.writeString(config, Configs.file("", Configs.demoStdio("demo")));
            List<String> command = new ArrayList<>(Configs.javaCommand());
            command.set(command.size() - 1, SwitchboardCommand.class.getName());
            command.addAll(List.of("stdio", "--config", config.toString()));
            List<String> args = new ArrayList<>(List.of("--timeout-ms", "60000", "--"));
            args.addAll(command);

            JsonNode seen = run(args.toArray(String[]::new));

            assertThat(seen.path("ok").asBoolean()).as("%s", seen).isTrue();
            assertThat(seen.path("transport").asString()).isEqualTo("stdio");
            assertThat(strings(seen.path("tools"))).contains("demo__echo", "demo__add");
            assertThat(seen.path("echo").asString()).contains("hello from TypeScript");
            assertThat(seen.path("clientErrors").size()).as("%s", seen).isZero();
        } finally {
            Files.deleteIfExists(config);
        }
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    /** Runs ts-client.mjs with {@code args}; its one JSON line. */
    private static JsonNode run(String... args) throws IOException, InterruptedException {
        Path interop = Configs.interopDir();
        Path script = interop.resolve("ts-client.mjs");
        if (!Files.exists(interop.resolve("node_modules/@modelcontextprotocol/sdk"))) {
            throw new IllegalStateException("the TypeScript SDK is missing: run `npm ci` in " + interop);
        }
        List<String> command = new ArrayList<>(List.of("node", script.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("ts-client-", ".out");
        Process process = new ProcessBuilder(command)
                .directory(interop.toFile())
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            assertThat(process.waitFor(90, TimeUnit.SECONDS))
                    .as("ts-client ends")
                    .isTrue();
            String output = Files.readString(out, StandardCharsets.UTF_8).strip();
            List<String> lines = output.lines().toList();
            assertThat(lines).as("ts-client output").isNotEmpty();
            return JsonMapper.shared().readTree(lines.getLast());
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Files.deleteIfExists(out);
        }
    }
}
