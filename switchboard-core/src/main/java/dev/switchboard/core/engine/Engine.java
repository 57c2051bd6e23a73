package dev.switchboard.core.engine;

import dev.switchboard.core.NotFoundException;
import dev.switchboard.core.ReloadResult;
import dev.switchboard.core.ServerIdentity;
import dev.switchboard.core.ServerInfo;
import dev.switchboard.core.ServerListener;
import dev.switchboard.core.ServerSession;
import dev.switchboard.core.ToolInfo;
import dev.switchboard.core.catalog.Catalog;
import dev.switchboard.core.catalog.CatalogSettings;
import dev.switchboard.core.catalog.CatalogTool;
import dev.switchboard.core.catalog.LiveCatalog;
import dev.switchboard.core.config.ConfigErrors;
import dev.switchboard.core.config.ConfigException;
import dev.switchboard.core.config.ConfigResult;
import dev.switchboard.core.config.ConfigSnapshot;
import dev.switchboard.core.config.GatewayConfig;
import dev.switchboard.core.config.GatewaySettings;
import dev.switchboard.core.config.ServerConfig;
import dev.switchboard.core.lifecycle.ServerConnector;
import dev.switchboard.core.lifecycle.ServerHealth;
import dev.switchboard.core.lifecycle.ServerStatus;
import dev.switchboard.core.policy.Policy;
import dev.switchboard.core.policy.Principal;
import dev.switchboard.core.pool.PoolStats;
import dev.switchboard.core.resilience.BreakerStatus;
import dev.switchboard.core.resilience.ResilienceRegistry;
import dev.switchboard.core.resilience.RetrySettings;
import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.client.ClientOptions;
import dev.switchboard.mcp.protocol.McpMethods;
import dev.switchboard.mcp.session.RequestOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The engine behind {@link dev.switchboard.core.Switchboard}; public only so that the facade can
 * reach it across packages. Applications use the facade, whose documentation describes every
 * method here. A {@code principal} of {@code null} is the embedding application itself, which is
 * trusted: no policy applies to it. Thread-safe.
 */
public final class Engine implements AutoCloseable {
    private final EngineSetup setup;
    private final McpRuntime runtime;
    private final boolean ownsRuntime;
    private final ResilienceRegistry resilience;
    private final AtomicReference<EngineSnapshot> snapshot;
    private final Retirements retirements;
    private final Reloader reloader;
    private final ServerQueries queries;
    private final LiveCatalog catalog;
    private final ServerEvents events = new ServerEvents();
    private final CallRouter router;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Engine(EngineSetup setup, GatewayConfig initial) {
        this.setup = setup;
        McpRuntime shared = setup.runtime();
        this.runtime = shared != null ? shared : new McpRuntime();
        this.ownsRuntime = shared == null;
        this.resilience = new ResilienceRegistry(
                setup.clock(),
                runtime.timer(),
                runtime.virtualThreads(),
                setup.meterRegistry(),
                RetrySettings.DEFAULTS);
        this.snapshot = new AtomicReference<>(EngineSnapshot.empty(initial.gateway()));
        // named by the configuration's separator once the first configuration is applied
        this.catalog = new LiveCatalog(
                CatalogSettings.of(GatewaySettings.DEFAULT_SEPARATOR),
                setup.supervision().toolPageCap(),
                runtime.virtualThreads());
        this.retirements = new Retirements(
                runtime.virtualThreads(),
                setup.supervision().drainTimeout(),
                setup.supervision().closeTimeout());
        EndpointFactory factory = new EndpointFactory(
                runtime, ServerConnector.create(runtime, setup.meterRegistry()), resilience, setup, catalog, events);
        this.reloader = new Reloader(
                snapshot,
                factory,
                resilience,
                retirements,
                new EngineMeters(setup.meterRegistry()),
                runtime.virtualThreads(),
                catalog);
        this.queries = new ServerQueries(runtime.virtualThreads(), setup.supervision());
        this.router = new CallRouter(snapshot, catalog, queries, runtime.virtualThreads());
    }

    /**
     * Starts an engine with {@code config}; eager servers start connecting in the background.
     *
     * @throws ConfigException when {@code config} breaks a rule only the engine checks
     */
    public static Engine start(EngineSetup setup, GatewayConfig config) {
        Engine engine = new Engine(Objects.requireNonNull(setup, "setup"), Objects.requireNonNull(config, "config"));
        ReloadResult result = engine.reloader.apply(config);
        if (!result.applied()) {
            engine.close();
            throw new ConfigException(new ConfigErrors("(configuration)", result.errors()));
        }
        return engine;
    }

    /** Waits for {@code future} and returns its value or throws its failure, unwrapped. */
    public static <T> T await(CompletableFuture<T> future) {
        return Futures.await(future);
    }

    /** The configuration in effect. */
    public GatewayConfig config() {
        return snapshot.get().config();
    }

    /**
     * See {@link dev.switchboard.core.Switchboard#servers()}; for a principal, only the servers the
     * policy lets it use.
     */
    public List<ServerInfo> servers(@Nullable Principal principal) {
        Catalog offered = catalog.current();
        EngineSnapshot now = snapshot.get();
        return now.endpoints().values().stream()
                .filter(endpoint -> principal == null || now.policy().allowsServer(principal, endpoint.name()))
                .map(endpoint -> endpoint.info(offered))
                .toList();
    }

    /** See {@link dev.switchboard.core.Switchboard#server(String)}. */
    public Optional<ServerInfo> server(String name) {
        return Optional.ofNullable(snapshot.get().endpoints().get(name)).map(e -> e.info(catalog.current()));
    }

    /** See {@link dev.switchboard.core.Switchboard#identity(String)}. */
    public Optional<ServerIdentity> identity(String name) {
        return Optional.ofNullable(snapshot.get().endpoints().get(name)).flatMap(ServerEndpoint::identity);
    }

    /** See {@link dev.switchboard.core.Switchboard#connectAll(Duration)}. */
    public List<ServerInfo> connectAll(Duration timeout) {
        checkPositive(timeout);
        queries.connect(snapshot.get().endpoints().values(), timeout);
        return servers(null);
    }

    /** See {@link dev.switchboard.core.Switchboard#connect(String, Duration)}. */
    public ServerInfo connect(String server, Duration timeout) {
        checkPositive(timeout);
        ServerEndpoint endpoint = router.endpoint(server);
        queries.connect(List.of(endpoint), timeout);
        return server(server).orElseThrow(() -> new NotFoundException("server", server));
    }

    /** See {@link dev.switchboard.core.Switchboard#tools()}; for a principal, the tools it may call. */
    public List<ToolInfo> tools(@Nullable Principal principal) {
        return ToolDirectory.tools(catalog.current(), visibleTo(principal));
    }

    /** The gateway's catalog: every server's tools, resources and prompts, named and routable. */
    public LiveCatalog catalog() {
        return catalog;
    }

    /**
     * See {@link dev.switchboard.core.Switchboard#route(String)}; for a principal, among its tools.
     *
     * @throws dev.switchboard.core.catalog.AmbiguousToolException when a bare name matches more than
     *     one of those tools
     */
    public Optional<ToolInfo> route(@Nullable Principal principal, String name) {
        Predicate<CatalogTool> visible = visibleTo(principal);
        Optional<ToolInfo> found = ToolDirectory.route(catalog.current(), name, visible);
        if (found.isPresent() || !queries.connectIdle(snapshot.get().endpoints().values())) {
            return found;
        }
        return ToolDirectory.route(catalog.current(), name, visible);
    }

    /**
     * See {@link dev.switchboard.core.Switchboard#callToolAsync}. A tool the server does not offer
     * (not listed, or left out by its tool filter) or the policy hides fails with {@link
     * NotFoundException}; a server whose offer is not known yet is connected and listed first.
     */
    public CompletableFuture<JsonNode> callTool(
            @Nullable Principal principal,
            String server,
            String tool,
            @Nullable JsonNode arguments,
            RequestOptions options) {
        return request(principal, server, McpMethods.TOOLS_CALL, toolCallParams(tool, arguments), options);
    }

    /**
     * Sends any request to {@code server} for {@code principal} (null: the application), after the
     * policy, by the server's session mode and through its guard. Never throws; the future fails as
     * {@link #callTool} does.
     */
    public CompletableFuture<JsonNode> request(
            @Nullable Principal principal,
            String server,
            String method,
            @Nullable JsonNode params,
            RequestOptions options) {
        if (closed.get()) {
            return CompletableFuture.failedFuture(closedException());
        }
        return router.request(principal, server, method, params, options);
    }

    /**
     * See {@link dev.switchboard.core.Switchboard#openSession(String)}; for a {@code per-session}
     * server its own connection is made with the client options adjusted by {@code options}.
     */
    public ServerSession openSession(
            @Nullable Principal principal, String server, UnaryOperator<ClientOptions> options) {
        checkOpen();
        return router.openSession(principal, server, options);
    }

    /** See {@link dev.switchboard.core.Switchboard#policy()}. */
    public Policy policy() {
        return snapshot.get().policy();
    }

    /** See {@link dev.switchboard.core.Switchboard#addServerListener}. */
    public void addServerListener(ServerListener listener) {
        events.add(listener);
    }

    /** See {@link dev.switchboard.core.Switchboard#removeServerListener}. */
    public void removeServerListener(ServerListener listener) {
        events.remove(listener);
    }

    /** See {@link dev.switchboard.core.Switchboard#health()}. */
    public List<ServerHealth> health() {
        return queries.health(snapshot.get().endpoints().values());
    }

    /** See {@link dev.switchboard.core.Switchboard#reload(Path)}. */
    public ReloadResult reload(Path file) {
        checkOpen();
        ConfigResult loaded = setup.loader().load(file);
        if (loaded instanceof ConfigSnapshot valid) {
            return reloader.apply(valid.config());
        }
        return reloader.rejected(loaded.errors());
    }

    /** See {@link dev.switchboard.core.Switchboard#reload(GatewayConfig)}. */
    public ReloadResult reload(GatewayConfig config) {
        checkOpen();
        return reloader.apply(config);
    }

    /** See {@link dev.switchboard.core.Switchboard#register(ServerConfig)}. */
    public ReloadResult register(ServerConfig server) {
        checkOpen();
        return reloader.register(server);
    }

    /** See {@link dev.switchboard.core.Switchboard#unregister(String)}. */
    public ReloadResult unregister(String name) {
        checkOpen();
        return reloader.unregister(name);
    }

    /** See {@link dev.switchboard.core.Switchboard#breakers()}. */
    public List<BreakerStatus> breakers() {
        return resilience.snapshot();
    }

    /** See {@link dev.switchboard.core.Switchboard#resetBreaker(String)}. */
    public boolean resetBreaker(String server) {
        router.endpoint(server);
        return resilience.reset(server);
    }

    /** See {@link dev.switchboard.core.Switchboard#reconnect(String)}. */
    public ServerStatus reconnect(String server) {
        return router.endpoint(server).supervisor().reconnect();
    }

    /** See {@link dev.switchboard.core.Switchboard#poolStats()}. */
    public Map<String, PoolStats> poolStats() {
        Map<String, PoolStats> stats = new LinkedHashMap<>();
        snapshot.get()
                .endpoints()
                .forEach((name, endpoint) -> endpoint.poolStats().ifPresent(s -> stats.put(name, s)));
        return stats;
    }

    /** See {@link dev.switchboard.core.Switchboard#close()}. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        EngineSnapshot last = reloader.close();
        new EngineShutdown(setup.supervision(), runtime.virtualThreads())
                .stop(List.copyOf(last.endpoints().values()), retirements);
        if (ownsRuntime) {
            runtime.close();
        }
    }

    /** The {@code tools/call} params for {@code tool} and {@code arguments} (empty when null). */
    static ObjectNode toolCallParams(String tool, @Nullable JsonNode arguments) {
        ObjectNode params = JsonNodeFactory.instance.objectNode();
        params.put("name", Objects.requireNonNull(tool, "tool"));
        params.set("arguments", arguments == null ? JsonNodeFactory.instance.objectNode() : arguments);
        return params;
    }

    /** The tools {@code principal} may see: every tool for the application. */
    private Predicate<CatalogTool> visibleTo(@Nullable Principal principal) {
        if (principal == null) {
            return tool -> true;
        }
        Policy policy = snapshot.get().policy();
        return tool -> policy.allowsTool(principal, tool.server(), tool.originalName());
    }

    private static void checkPositive(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout: " + timeout + " (expected: a positive duration)");
        }
    }

    private void checkOpen() {
        if (closed.get()) {
            throw closedException();
        }
    }

    private static IllegalStateException closedException() {
        return new IllegalStateException("switchboard: closed (expected: open)");
    }

    @Override
    public String toString() {
        return snapshot.get().endpoints().values().toString();
    }
}
