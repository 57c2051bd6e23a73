package dev.switchboard.core.lifecycle;

import dev.switchboard.core.config.ServerConfig;
import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.client.ClientOptions;
import dev.switchboard.mcp.client.McpClient;
import dev.switchboard.mcp.demo.DemoOptions;
import dev.switchboard.mcp.demo.DemoServer;
import dev.switchboard.mcp.server.ServerSessionFactory;
import dev.switchboard.mcp.session.McpSession;
import dev.switchboard.mcp.session.SessionOptions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * A connector that follows a script: each attempt takes the next step (connect to an in-memory demo
 * server, or fail in a given phase), or the default step when the script is empty. Records when
 * each attempt was made and the order in which connections were closed. Thread-safe.
 */
final class ScriptedConnector implements ServerConnector {
    /** One attempt's behaviour. */
    interface Step {
        ServerConnection run(ScriptedConnector connector, ServerConfig config);
    }

    private final McpRuntime runtime;
    private final Clock clock;
    private final ConcurrentLinkedDeque<Step> script = new ConcurrentLinkedDeque<>();
    private final List<Instant> attempts = new CopyOnWriteArrayList<>();
    private final List<String> attemptServers = new CopyOnWriteArrayList<>();
    private final List<LinkedTransport> serverEnds = new CopyOnWriteArrayList<>();
    private final List<String> closed = new CopyOnWriteArrayList<>();
    private volatile Step fallback = ScriptedConnector.succeed();
    private volatile @Nullable CountDownLatch gate;
    private volatile Consumer<LinkedTransport> clientEnds = t -> {};

    ScriptedConnector(McpRuntime runtime, Clock clock) {
        this.runtime = runtime;
        this.clock = clock;
    }

    static Step succeed() {
        return (c, config) -> c.connectTo(config, DemoServer.create(DemoOptions.of(c.runtime)));
    }

    static Step succeedWith(ServerSessionFactory server) {
        return (c, config) -> c.connectTo(config, server);
    }

    static Step fail(ErrorPhase phase, String message) {
        return (c, config) -> {
            throw new ServerConnectException(config.name(), phase, message, List.of("stderr says " + message), null);
        };
    }

    ScriptedConnector then(Step... steps) {
        script.addAll(List.of(steps));
        return this;
    }

    ScriptedConnector otherwise(Step step) {
        fallback = step;
        return this;
    }

    /** Attempts wait for {@link #open()} from now on. */
    void hold() {
        gate = new CountDownLatch(1);
    }

    void open() {
        CountDownLatch g = gate;
        if (g != null) {
            g.countDown();
        }
    }

    /** Applies {@code change} to the client end of every later connection. */
    void configureClientEnds(Consumer<LinkedTransport> change) {
        clientEnds = change;
    }

    @Override
    public ServerConnection connect(ServerConfig config, LongConsumer onProcessStarted) {
        attempts.add(clock.instant());
        attemptServers.add(config.name());
        CountDownLatch g = gate;
        if (g != null) {
            try {
                if (!g.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never opened the gate");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        Step step = script.poll();
        return (step == null ? fallback : step).run(this, config);
    }

    ServerConnection connectTo(ServerConfig config, ServerSessionFactory server) {
        LinkedTransport.Pair pair = LinkedTransport.pair(config.name(), runtime.codec());
        McpSession serverSession = new McpSession(pair.server(), SessionOptions.of(runtime, "server-" + config.name()));
        serverSession.start(server.open(serverSession));
        serverEnds.add(pair.server());
        pair.client().onClose(() -> closed.add(config.name()));
        clientEnds.accept(pair.client());
        McpClient client = McpClient.connect(pair.client(), ClientOptions.of(runtime, config.name()));
        return new ServerConnection(
                config.name(), "stdio", client, OptionalLong.empty(), () -> List.of("stderr of " + config.name()));
    }

    /** The server side of the latest connection closes: a crash, as the client sees it. */
    void crashLatest() {
        serverEnds.getLast().close();
    }

    /** The server side of the latest connection stops answering. */
    void freezeLatest() {
        serverEnds.getLast().freeze();
    }

    int calls() {
        return attempts.size();
    }

    List<Instant> attempts() {
        return List.copyOf(attempts);
    }

    List<String> attemptServers() {
        return List.copyOf(attemptServers);
    }

    /** The servers whose client ends were closed, in order. */
    List<String> closed() {
        return List.copyOf(closed);
    }
}
