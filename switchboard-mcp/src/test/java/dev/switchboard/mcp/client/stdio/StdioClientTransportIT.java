package dev.switchboard.mcp.client.stdio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.client.ClientOptions;
import dev.switchboard.mcp.client.McpClient;
import dev.switchboard.mcp.client.stdio.fixtures.EchoStdioServer;
import dev.switchboard.mcp.demo.DemoServer;
import dev.switchboard.mcp.jsonrpc.JsonRpcNotification;
import dev.switchboard.mcp.jsonrpc.JsonRpcRequest;
import dev.switchboard.mcp.jsonrpc.RequestId;
import dev.switchboard.mcp.session.IncomingHandler;
import dev.switchboard.mcp.session.IncomingRequest;
import dev.switchboard.mcp.session.McpSession;
import dev.switchboard.mcp.session.McpTimeoutException;
import dev.switchboard.mcp.session.RequestOptions;
import dev.switchboard.mcp.session.SessionOptions;
import dev.switchboard.mcp.transport.TransportException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The stdio client transport against real child processes. */
class StdioClientTransportIT {
    /** A bound for waits that must not hang the build; never a performance expectation. */
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private McpRuntime runtime;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void createRuntime() {
        runtime = new McpRuntime();
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable c : toClose.reversed()) {
            c.close();
        }
        runtime.close();
    }

    @Test
    void initializesAndCallsAToolOverStdio() {
        McpClient client = connect(transport(fixture().build()));

        JsonNode result = client.callTool("echo", args("text", "hello"));

        assertThat(client.serverInfo().path("name").asString()).isEqualTo("echo-fixture");
        assertThat(result.path("structuredContent").path("text").asString()).isEqualTo("hello");
    }

    @Test
    void interoperatesWithTheDemoServer() {
        StdioServerParameters demo = javaMain(DemoServer.class.getName()).build();
        McpClient client = connect(transport(demo));

        JsonNode result = client.callTool("echo", args("message", "over stdio"));

        assertThat(client.listAllTools())
                .extracting(tool -> tool.path("name").asString())
                .contains("echo");
        assertThat(result.path("content").path(0).path("text").asString()).isEqualTo("over stdio");
    }

    @Test
    void skipsStdoutNoiseAndKeepsAnswering() throws Exception {
        StdioClientTransport transport =
                transport(fixture("--noise").maxLineBytes(64 * 1024).build());
        McpSession session = open(transport);

        for (int i = 0; i < 3; i++) {
            JsonNode result = call(session, "echo", args("text", "call " + i));
            assertThat(result.path("structuredContent").path("text").asString()).isEqualTo("call " + i);
        }

        // the banner line, then per answer a log line, a bracketed log line and the over-limit line
        assertThat(transport.skippedLines()).isGreaterThanOrEqualTo(1 + 4 * 3);
        assertThat(session.isOpen()).isTrue();
    }

    @Test
    void failsAPendingCallPromptlyWhenTheServerCrashes() throws Exception {
        StdioClientTransport transport = transport(fixture().build());
        McpSession session = open(transport);
        long pid = transport.pid().orElseThrow();

        CompletableFuture<JsonNode> call = session.request("tools/call", tool("crash", args()));

        assertThatThrownBy(() -> call.get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("process exited with code 3")
                .hasMessageContaining("crashing on purpose");
        assertThat(session.isOpen()).isFalse();
        assertThat(session.pendingRequests()).isZero();
        await().atMost(PATIENCE).until(() -> isReaped(pid));
        assertThatThrownBy(() -> transport.send(new JsonRpcNotification("ping", null), null))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("exited with code 3");
    }

    @Test
    void deliversTheLastAnswerOfAServerThatExitsRightAfterIt() throws Exception {
        McpSession session = open(fixture().build());

        JsonNode result = call(session, "bye", args());

        assertThat(result.path("bye").asBoolean()).isTrue();
        Throwable cause = session.closeFuture().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(cause).hasMessageContaining("process exited with code 0");
    }

    @Test
    void stopsAServerThatStopsReadingItsStdin() {
        StdioClientTransport transport = transport(StdioServerParameters.builder("sleep")
                .args("300")
                .writeTimeout(Duration.ofMillis(200))
                .build());
        RecordingListener listener = new RecordingListener();
        transport.start(listener);
        long pid = transport.pid().orElseThrow();
        ObjectNode big = runtime.codec().object().put("data", "x".repeat(1024 * 1024));
        Thread blockedWriter = Thread.ofPlatform().start(() -> {
            try {
                transport.send(new JsonRpcNotification("big", big), null);
            } catch (TransportException e) {
                // expected once the server is stopped
            }
        });

        await().atMost(PATIENCE).until(() -> sendFailsAsStuck(transport));

        await().atMost(PATIENCE).until(() -> listener.closes.size() == 1);
        assertThat(listener.closes.get(0))
                .get(InstanceOfAssertFactories.THROWABLE)
                .hasMessageContaining("stdin took nothing for 200 ms");
        await().atMost(PATIENCE).until(() -> isReaped(pid) && !blockedWriter.isAlive());
    }

    @Test
    void stopsAServerThatClosesItsStdoutButKeepsRunning() {
        StdioClientTransport transport = transport(StdioServerParameters.builder("sh")
                .args("-c", "exec >&-; exec sleep 300")
                .build());
        RecordingListener listener = new RecordingListener();
        transport.start(listener);
        long pid = transport.pid().orElseThrow();

        await().atMost(PATIENCE).until(() -> listener.closes.size() == 1);

        assertThat(listener.closes.get(0))
                .get(InstanceOfAssertFactories.THROWABLE)
                .hasMessageContaining("closed its stdout but is still running");
        await().atMost(PATIENCE).until(() -> isReaped(pid));
    }

    @Test
    void timesOutAndCancelsARequestTheServerNeverAnswers() throws Exception {
        StdioClientTransport transport = transport(fixture("--silent").build());
        McpSession session = new McpSession(transport, SessionOptions.of(runtime, "silent"));
        session.start(new NoRequests());

        CompletableFuture<JsonNode> call = session.request(
                "tools/call", tool("echo", args()), RequestOptions.defaults().withTimeout(Duration.ofMillis(300)));

        assertThatThrownBy(() -> call.get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(McpTimeoutException.class);
        assertThat(session.pendingRequests()).isZero();
        await().atMost(PATIENCE).until(() -> transport.recentStderr().contains("cancelled 1"));
        assertThat(transport.recentStderr()).contains("received tools/call 1");
    }

    @Test
    void answersAThousandRequestsInFlightAtOnceEachWithItsOwnResult() throws Exception {
        McpSession session = open(fixture().build());
        int count = 1000;
        List<CompletableFuture<JsonNode>> calls = new ArrayList<>(count);

        for (int i = 0; i < count; i++) {
            calls.add(session.request("tools/call", tool("echo", args("n", i))));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

        for (int i = 0; i < count; i++) {
            assertThat(calls.get(i).join().path("structuredContent").path("n").asInt())
                    .isEqualTo(i);
        }
        assertThat(session.pendingRequests()).isZero();
    }

    @ParameterizedTest(name = "own process group: {0}")
    @ValueSource(booleans = {true, false})
    void closeStopsTheWholeProcessTree(boolean ownProcessGroup) throws Exception {
        StdioServerParameters fixture = fixture().build();
        String script = "sleep 300 & exec " + shellQuoted(fixture);
        StdioClientTransport transport = transport(StdioServerParameters.builder("sh")
                .args("-c", script)
                .ownProcessGroup(ownProcessGroup)
                .build());
        McpSession session = open(transport);
        long pid = transport.pid().orElseThrow();
        List<Long> children = childPids(session);
        assertThat(children).hasSize(1);

        transport.close();

        assertThat(isReaped(pid)).isTrue();
        await().atMost(PATIENCE).until(() -> isGone(children.get(0)));
    }

    @ParameterizedTest(name = "grandchild in a session of its own: {0}")
    @ValueSource(booleans = {false, true})
    void closeStopsWhatANodeWrapperSpawned(boolean detached) {
        // what npx does: a Node process whose child does the work; it reports the child's pid over
        // the protocol, then ignores its stdin
        String script = "const c = require('child_process').spawn('sleep', ['300'], {stdio: 'ignore', detached: "
                + detached + "});"
                + "console.log(JSON.stringify({jsonrpc: '2.0', method: 'spawned', params: {pid: c.pid}}));"
                + "setInterval(() => {}, 1000);";
        StdioClientTransport transport = transport(StdioServerParameters.builder("node")
                .args("-e", script)
                .shutdownGraces(Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofSeconds(1))
                .build());
        RecordingListener listener = new RecordingListener();
        transport.start(listener);
        long pid = transport.pid().orElseThrow();
        await().atMost(PATIENCE).until(() -> !listener.messages.isEmpty());
        long grandchild = ((JsonRpcNotification) listener.messages.get(0))
                .params()
                .path("pid")
                .asLong();

        transport.close();

        assertThat(isReaped(pid)).isTrue();
        await().atMost(PATIENCE).until(() -> isGone(grandchild));
    }

    @Test
    void stopsWhatACrashedServerLeftRunning() throws Exception {
        StdioClientTransport transport = transport(fixture("--spawn-child").build());
        McpSession session = open(transport);
        long grandchild = childPids(session).get(0);

        session.request("tools/call", tool("crash", args()));

        await().atMost(PATIENCE).until(() -> !session.isOpen());
        await().atMost(PATIENCE).until(() -> isGone(grandchild));
    }

    @Test
    void reportsTheExitCodeOnceTheProcessHasExited() {
        StdioClientTransport transport = transport(StdioServerParameters.of("sh", "-c", "exit 7"));
        assertThat(transport.exitCode()).isEmpty();
        RecordingListener listener = new RecordingListener();

        transport.start(listener);

        await().atMost(PATIENCE).until(() -> !listener.closes.isEmpty());
        assertThat(transport.exitCode()).hasValue(7);
    }

    @Test
    void killsAProcessThatIgnoresSigterm() {
        StdioClientTransport transport = transport(StdioServerParameters.builder("sh")
                .args("-c", "trap '' TERM; exec sleep 300")
                .shutdownGraces(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofSeconds(2))
                .build());
        transport.start(new RecordingListener());
        long pid = transport.pid().orElseThrow();

        transport.close();

        await().atMost(PATIENCE).until(() -> isGone(pid));
    }

    @ParameterizedTest(name = "own process group: {0}")
    @ValueSource(booleans = {true, false})
    void failsToStartACommandThatDoesNotExist(boolean ownProcessGroup) {
        StdioClientTransport transport = transport(StdioServerParameters.builder("no-such-command-xyz")
                .args("--flag")
                .ownProcessGroup(ownProcessGroup)
                .build());

        assertThatThrownBy(() -> transport.start(new RecordingListener()))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("stdio(no-such-command-xyz --flag)")
                .hasMessageContaining("cannot start")
                .hasMessageContaining("no-such-command-xyz");
        assertThatThrownBy(() -> transport.send(new JsonRpcNotification("ping", null), null))
                .isInstanceOf(TransportException.class);
    }

    @Test
    void passesTheConfiguredVariablesButNotTheRestOfTheEnvironment(@TempDir Path dir) throws Exception {
        String foreign = foreignVariable();
        McpSession session = open(fixture()
                .env("SWITCHBOARD_TEST_TOKEN", "s3cret")
                .workingDirectory(dir)
                .build());

        JsonNode result = call(session, "env", envNames("SWITCHBOARD_TEST_TOKEN", foreign, "PATH"));

        JsonNode env = result.path("env");
        assertThat(env.path("SWITCHBOARD_TEST_TOKEN").asString()).isEqualTo("s3cret");
        assertThat(env.path(foreign).isNull())
                .as("%s must not reach the child", foreign)
                .isTrue();
        assertThat(env.path("PATH").asString()).isEqualTo(System.getenv("PATH"));
        assertThat(Path.of(result.path("cwd").asString()).toRealPath()).isEqualTo(dir.toRealPath());
    }

    @Test
    void passesTheWholeEnvironmentWhenAskedTo() throws Exception {
        String foreign = foreignVariable();
        McpSession session = open(fixture().inheritEnvironment(true).build());

        JsonNode result = call(session, "env", envNames(foreign));

        assertThat(result.path("env").path(foreign).asString()).isEqualTo(System.getenv(foreign));
    }

    @Test
    void describesTheCommandWithoutEnvironmentValues() {
        StdioClientTransport transport = transport(StdioServerParameters.builder("npx")
                .args("-y", "some-server")
                .env("API_KEY", "s3cret")
                .build());

        assertThat(transport.describe()).isEqualTo("stdio(npx -y some-server)");
        assertThat(transport.toString()).doesNotContain("s3cret");
    }

    @Test
    void closesOnceLettingTheServerExitWhenItsStdinClosesAndRejectsSendsAfterwards() throws Exception {
        StdioClientTransport transport = transport(fixture().build());
        RecordingListener listener = new RecordingListener();
        transport.start(listener);
        transport.send(new JsonRpcRequest(RequestId.of(1), "ping", null), null);
        await().atMost(PATIENCE).until(() -> !listener.messages.isEmpty());

        transport.close();
        transport.close();

        assertThat(listener.closes).containsExactly(Optional.empty());
        assertThatThrownBy(() -> transport.send(new JsonRpcNotification("ping", null), null))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("closed");
        assertThat(transport.recentStderr()).contains("stdin closed, exiting");
    }

    // ---- helpers

    private StdioServerParameters.Builder fixture(String... flags) {
        return javaMain(EchoStdioServer.class.getName()).args(flags);
    }

    /** A JVM running {@code mainClass} from the test classpath, tuned to start fast. */
    private static StdioServerParameters.Builder javaMain(String mainClass) {
        String java = ProcessHandle.current().info().command().orElseThrow();
        return StdioServerParameters.builder(java)
                .args("-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m")
                .args("-cp", System.getProperty("java.class.path"), mainClass);
    }

    private StdioClientTransport transport(StdioServerParameters parameters) {
        StdioClientTransport transport = new StdioClientTransport("fixture", parameters, runtime);
        toClose.add(transport);
        return transport;
    }

    private McpSession open(StdioServerParameters parameters) {
        return open(transport(parameters));
    }

    private McpSession open(StdioClientTransport transport) {
        return connect(transport).session();
    }

    private McpClient connect(StdioClientTransport transport) {
        McpClient client = McpClient.connect(transport, ClientOptions.of(runtime, "fixture"));
        toClose.add(client);
        return client;
    }

    private JsonNode call(McpSession session, String name, ObjectNode arguments) throws Exception {
        return session.request("tools/call", tool(name, arguments)).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    private List<Long> childPids(McpSession session) throws Exception {
        List<Long> pids = new ArrayList<>();
        call(session, "children", args()).path("pids").forEach(p -> pids.add(p.asLong()));
        return pids;
    }

    private ObjectNode tool(String name, ObjectNode arguments) {
        ObjectNode params = runtime.codec().object();
        params.put("name", name);
        params.set("arguments", arguments);
        return params;
    }

    private ObjectNode args() {
        return runtime.codec().object();
    }

    private ObjectNode args(String key, String value) {
        return args().put(key, value);
    }

    private ObjectNode args(String key, int value) {
        return args().put(key, value);
    }

    private ObjectNode envNames(String... names) {
        ObjectNode arguments = args();
        var array = arguments.putArray("names");
        Stream.of(names).forEach(array::add);
        return arguments;
    }

    /** A variable of this JVM's environment that the minimal base does not pass on. */
    private static String foreignVariable() {
        List<String> base = StdioServerParameters.BASE_ENVIRONMENT.stream()
                .map(String::toUpperCase)
                .toList();
        return System.getenv().keySet().stream()
                .filter(name -> !base.contains(name.toUpperCase()))
                .filter(name -> !System.getenv(name).isEmpty())
                .sorted()
                .findFirst()
                .orElseThrow(() -> new org.opentest4j.TestAbortedException("no variable outside the base"));
    }

    private static String shellQuoted(StdioServerParameters parameters) {
        StringBuilder s = new StringBuilder(quote(parameters.command()));
        parameters.args().forEach(a -> s.append(' ').append(quote(a)));
        return s.toString();
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private static boolean sendFailsAsStuck(StdioClientTransport transport) {
        try {
            transport.send(new JsonRpcNotification("small", null), null);
            return false;
        } catch (TransportException e) {
            return e.getMessage().contains("stdin took nothing");
        }
    }

    /** Gone, or a zombie waiting for an init that reaps (the JVM reaps its own children at once). */
    private static boolean isGone(long pid) {
        return ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true)
                || ProcSessions.system().isZombie(pid);
    }

    /** Gone and reaped: what a direct child of this JVM must be. */
    private static boolean isReaped(long pid) {
        return ProcessHandle.of(pid).isEmpty();
    }

    /** Answers no requests of the server. */
    private static final class NoRequests implements IncomingHandler {
        @Override
        public CompletionStage<JsonNode> onRequest(IncomingRequest request) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException(request.method()));
        }
    }
}
