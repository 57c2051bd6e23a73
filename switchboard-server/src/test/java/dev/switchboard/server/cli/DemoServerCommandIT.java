package dev.switchboard.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code switchboard demo-server} as a real process, with Logback set up as the jar sets it up ({@code
 * StderrLogging}): standard output must carry nothing but protocol messages.
 */
class DemoServerCommandIT {
    private static final String[] REQUESTS = {
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"test_tool_with_logging\"}}",
        "not json at all",
        "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"message\":\"hi\"}}}",
    };

    @Test
    void demoServerOverStdioWritesOnlyProtocolMessagesToStandardOutput() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        SwitchboardCommand.class.getName(),
                        "demo-server")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread.ofVirtual().start(() -> readLines(process, lines));
            try (OutputStream in = process.getOutputStream()) {
                for (String request : REQUESTS) {
                    in.write((request + "\n").getBytes(StandardCharsets.UTF_8));
                }
                in.flush();
                List<JsonNode> messages = readUntilResponses(lines, Set.of(1, 2, 3));

                assertThat(messages)
                        .allSatisfy(
                                m -> assertThat(m.path("jsonrpc").asString()).isEqualTo("2.0"));
                assertThat(messages)
                        .filteredOn(m -> m.has("error"))
                        .singleElement()
                        .satisfies(m ->
                                assertThat(m.path("error").path("code").asInt()).isEqualTo(-32700));
                assertThat(messages)
                        .filteredOn(m -> m.path("method").asString("").equals("notifications/message"))
                        .hasSize(3);
            }
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
        } finally {
            process.destroyForcibly();
        }
    }

    /** Every stdout line up to the responses to {@code ids}; each must be JSON. Bounded: 200 lines, 20 s each. */
    private static List<JsonNode> readUntilResponses(BlockingQueue<String> lines, Set<Integer> ids)
            throws InterruptedException {
        List<JsonNode> messages = new ArrayList<>();
        Set<Integer> missing = new HashSet<>(ids);
        for (int i = 0; i < 200; i++) {
            String line = lines.poll(20, TimeUnit.SECONDS);
            assertThat(line).as("a line on standard output").isNotNull();
            JsonNode message = JsonMapper.shared().readTree(line);
            messages.add(message);
            missing.remove(message.path("id").asInt(-1));
            if (missing.isEmpty()) {
                return messages;
            }
        }
        throw new AssertionError("no responses " + missing + " in 200 lines: " + messages);
    }

    private static void readLines(Process process, BlockingQueue<String> lines) {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the process ended
        }
    }
}
