package dev.switchboard.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.core.ServerInfo;
import dev.switchboard.core.lifecycle.ErrorPhase;
import dev.switchboard.mcp.client.McpClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Faults behind the gateway, seen through {@code /mcp}: one server's child process killed while
 * calls to both servers are under way, and a server that never answers {@code initialize}. Only the
 * faulty server's calls fail; the other's never do.
 */
class GatewayFaultsIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration RECOVERY = Duration.ofSeconds(30);

    /** The demo server over stdio, its java command marked with {@code -Dswitchboard.fault=NAME}. */
    private static String markedDemo(String name) {
        List<String> command = new ArrayList<>(Configs.javaCommand());
        command.add(1, "-Dswitchboard.fault=" + name);
        return "  " + name + ":\n    command: " + JSON.writeValueAsString(command.getFirst()) + "\n    args: "
                + JSON.writeValueAsString(command.subList(1, command.size()))
                + "\n    timeouts: {connect: 20s, initialize: 20s, call: 5s}\n    eager: true\n";
    }

    /**
     * The live process marked with {@code name}, found in {@code /proc}: among all processes, since a
     * stdio server runs in a session of its own, and by the raw command line, which {@link
     * ProcessHandle.Info} leaves out when it is as long as a test class path.
     */
    private static Optional<ProcessHandle> marked(String name) {
        byte[] mark = ("-Dswitchboard.fault=" + name + "\0").getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> contains(p.resolve("cmdline"), mark))
                    .map(p -> ProcessHandle.of(Long.parseLong(p.getFileName().toString())))
                    .flatMap(Optional::stream)
                    .filter(ProcessHandle::isAlive)
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean contains(Path file, byte[] part) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return false; // the process is gone or not ours
        }
        for (int i = 0; i + part.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return true;
            }
        }
        return false;
    }

    /** Whether no process has this id any more (a zombie still has one, in state Z). */
    private static boolean reaped(long pid) {
        Path stat = Path.of("/proc/" + pid + "/stat");
        if (!Files.exists(stat)) {
            return ProcessHandle.of(pid).isEmpty();
        }
        try {
            String text = Files.readString(stat);
            return text.substring(text.lastIndexOf(')') + 2).charAt(0) != 'Z'
                    && ProcessHandle.of(pid).isEmpty();
        } catch (IOException e) {
            return true; // it went away while we read
        }
    }

    private static boolean echoes(McpClient client, String tool, String message) {
        ObjectNode args = JsonNodeFactory.instance.objectNode().put("message", message);
        try {
            JsonNode result = client.callTool(tool, args);
            return !result.path("isError").asBoolean()
                    && result.path("content").path(0).path("text").asString().equals(message);
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Test
    void aChildKilledUnderLoadFailsOnlyItsOwnCallsAndIsBackWithinSecondsWithoutAZombie() throws Exception {
        try (TestGateway gateway = TestGateway.start(Configs.file("", markedDemo("victim"), markedDemo("bystander")))) {
            McpClient client = gateway.connect("/mcp", null);
            await().atMost(RECOVERY)
                    .until(() -> echoes(client, "victim__echo", "warm") && echoes(client, "bystander__echo", "warm"));
            ProcessHandle victim = marked("victim").orElseThrow();

            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger bystanderCalls = new AtomicInteger();
            AtomicInteger bystanderFailures = new AtomicInteger();
            AtomicInteger victimFailures = new AtomicInteger();
            List<CompletableFuture<Void>> callers = new ArrayList<>();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int c = 0; c < 4; c++) {
                    String message = "caller-" + c;
                    callers.add(CompletableFuture.runAsync(
                            () -> {
                                for (int i = 0; i < 2_000 && running.get(); i++) {
                                    bystanderCalls.incrementAndGet();
                                    if (!echoes(client, "bystander__echo", message)) {
                                        bystanderFailures.incrementAndGet();
                                    }
                                    if (!echoes(client, "victim__echo", message)) {
                                        victimFailures.incrementAndGet();
                                    }
                                }
                            },
                            threads));
                }
                await().atMost(RECOVERY).until(() -> bystanderCalls.get() >= 20);
                victim.destroyForcibly();

                await().atMost(RECOVERY).until(() -> reaped(victim.pid()));
                await().atMost(RECOVERY)
                        .until(() -> marked("victim")
                                        .map(p -> p.pid() != victim.pid())
                                        .orElse(false)
                                && echoes(client, "victim__echo", "back"));
                int callsAtRecovery = bystanderCalls.get();
                await().atMost(RECOVERY)
                        .until(() -> bystanderCalls.get() > callsAtRecovery + 20
                                || callers.stream().allMatch(CompletableFuture::isDone));
                running.set(false);
                CompletableFuture.allOf(callers.toArray(CompletableFuture[]::new))
                        .get(RECOVERY.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            }

            assertThat(bystanderFailures.get())
                    .as("failed calls to the other server")
                    .isZero();
            assertThat(bystanderCalls.get()).isGreaterThan(40);
            assertThat(gateway.switchboard.server("bystander").map(ServerInfo::toolCount))
                    .hasValueSatisfying(count -> assertThat(count).isPositive());
        }
    }

    @Test
    void aServerThatHangsAtInitializeFailsInThatPhaseWhileTheOtherServes() {
        String hang = "  hang:\n    command: \"sh\"\n    args: [\"-c\", \"exec sleep 600\"]\n"
                + "    timeouts: {connect: 2s, initialize: 1s, call: 2s}\n    eager: true\n";
        try (TestGateway gateway = TestGateway.start(Configs.file("", hang, markedDemo("steady")))) {
            McpClient client = gateway.connect("/mcp", null);

            await().atMost(RECOVERY)
                    .until(() -> gateway.switchboard
                            .server("hang")
                            .map(s -> s.errorPhase() == ErrorPhase.INITIALIZE)
                            .orElse(false));
            assertThat(echoes(client, "steady__echo", "still here")).isTrue();
            JsonNode tools = client.request("tools/list", null);
            List<String> names = new ArrayList<>();
            tools.path("tools").forEach(tool -> names.add(tool.path("name").asString()));
            assertThat(names).contains("steady__echo");
            assertThat(tools.path("_meta").toString()).contains("hang");
        }
    }
}
