package dev.switchboard.core;

import dev.switchboard.core.catalog.AmbiguousToolException;
import dev.switchboard.core.catalog.LiveCatalog;
import dev.switchboard.core.config.ConfigException;
import dev.switchboard.core.config.ConfigLoader;
import dev.switchboard.core.config.GatewayConfig;
import dev.switchboard.core.config.ServerConfig;
import dev.switchboard.core.engine.Engine;
import dev.switchboard.core.engine.EngineSetup;
import dev.switchboard.core.lifecycle.ServerHealth;
import dev.switchboard.core.lifecycle.ServerStatus;
import dev.switchboard.core.lifecycle.SupervisionSettings;
import dev.switchboard.core.policy.Policy;
import dev.switchboard.core.policy.Principal;
import dev.switchboard.core.pool.PoolStats;
import dev.switchboard.core.resilience.BreakerStatus;
import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.session.IncomingHandler;
import dev.switchboard.mcp.session.RequestOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Switchboard as a library: connects to the MCP servers of a configuration and serves their tools
 * as one dependable service, with the gateway's supervision (lazy connection, reconnects with
 * backoff), session modes, circuit breakers, bulkheads, timeouts and hot reload.
 *
 * <pre>{@code
 * try (Switchboard switchboard = Switchboard.fromFile(Path.of("switchboard.yaml"))) {
 *     JsonNode result = switchboard.callTool("github", "search_issues", args);
 *     switchboard.tools().forEach(tool -> System.out.println(tool.name()));
 * }
 * }</pre>
 *
 * <p><b>Who calls.</b> Methods without a principal act for the application itself, which is
 * trusted: they see and call every tool of every server (within each server's configured tool
 * filter). Methods taking a {@link Principal} (the caller as authentication resolved it) apply the
 * configured access policy to listings and calls alike, so that a hidden server or tool looks
 * exactly like a missing one, and key {@code per-identity} sessions by {@link Principal#id()}.
 *
 * <p><b>Errors.</b> Calls fail with {@link NotFoundException} for an unknown or hidden server or
 * tool, {@link dev.switchboard.core.lifecycle.ServerConnectException} when the server cannot be
 * reached (with the {@linkplain dev.switchboard.core.lifecycle.ErrorPhase phase} and message of the
 * failure), {@link dev.switchboard.core.resilience.CircuitOpenException} while its breaker is open,
 * {@link dev.switchboard.core.resilience.ServerBusyException} when its bulkhead is full, {@link
 * dev.switchboard.core.pool.PoolException} when a pooled session cannot be had in time, {@link
 * dev.switchboard.mcp.session.McpTimeoutException} when it did not answer in time, and {@link
 * dev.switchboard.mcp.jsonrpc.JsonRpcException} with the server's own error answer. A tool's own
 * failure is a result with {@code isError: true}, not an exception.
 *
 * <p>Thread-safe: every method may be called from any thread at any time; readers never wait for
 * a reload. Closing is bounded in time and idempotent.
 */
public final class Switchboard implements AutoCloseable {
    private final Engine engine;

    private Switchboard(Engine engine) {
        this.engine = engine;
    }

    /**
     * Starts a Switchboard for the configuration file {@code file} (JSON or YAML, {@code ${VAR}}
     * expanded from this process's environment), with its own runtime and no metrics export. Eager
     * servers start connecting in the background; this never waits for a server.
     *
     * @throws ConfigException listing every problem when the file is missing or invalid
     */
    public static Switchboard fromFile(Path file) {
        return builder().configFile(file).build();
    }

    /**
     * Starts a Switchboard for {@code config}, with its own runtime and no metrics export.
     *
     * @throws ConfigException when the configuration breaks a rule that only the engine can check,
     *     such as a server name containing the naming separator
     */
    public static Switchboard of(GatewayConfig config) {
        return builder().config(config).build();
    }

    /** A builder, for a shared runtime, a meter registry, a clock or supervision settings. */
    public static Builder builder() {
        return new Builder();
    }

    /** The configuration in effect now. */
    public GatewayConfig config() {
        return engine.config();
    }

    /** Every configured server and its state, in configuration order. Never blocks on a server. */
    public List<ServerInfo> servers() {
        return engine.servers(null);
    }

    /**
     * The servers {@code principal} may use and their state, in configuration order. Never blocks
     * on a server.
     */
    public List<ServerInfo> servers(Principal principal) {
        return engine.servers(Objects.requireNonNull(principal, "principal"));
    }

    /** The server named {@code name}, or empty when there is none. Never blocks on a server. */
    public Optional<ServerInfo> server(String name) {
        return engine.server(Objects.requireNonNull(name, "name"));
    }

    /**
     * What the server named {@code name} said of itself when its shared connection was initialized
     * (its {@code serverInfo}, capabilities and instructions), for a view that passes it through.
     * Empty while that connection is not up, or when there is no such server. Never connects.
     */
    public Optional<ServerIdentity> identity(String name) {
        return engine.identity(Objects.requireNonNull(name, "name"));
    }

    /**
     * Connects every enabled server that is not connected yet (lazy ones too), all at once, and
     * waits until each is connected and its tools are listed, or has failed, at most {@code
     * timeout} in all. Never throws for a server that fails: its state says why.
     *
     * @param timeout the longest wait; positive
     * @return every server's state afterwards, in configuration order
     * @throws IllegalArgumentException when {@code timeout} is not positive
     */
    public List<ServerInfo> connectAll(Duration timeout) {
        return engine.connectAll(timeout);
    }

    /**
     * Connects one server if it is not connected yet (a lazy one too) and waits until it is
     * connected and its tools are listed, or it has failed, at most {@code timeout}. A server that
     * is connected already answers at once. Never throws for a server that fails or is disabled:
     * its state says why.
     *
     * @param server the server's name
     * @param timeout the longest wait; positive (the server's own connect and initialize timeouts
     *     bound each attempt as well)
     * @return the server's state afterwards
     * @throws NotFoundException when there is no server of that name
     * @throws IllegalArgumentException when {@code timeout} is not positive
     */
    public ServerInfo connect(String server, Duration timeout) {
        return engine.connect(Objects.requireNonNull(server, "server"), Objects.requireNonNull(timeout, "timeout"));
    }

    /**
     * Every tool of every enabled server that has been connected, in configuration order and then
     * the server's order; a lazy server that was never used has no tools listed yet (see {@link
     * #connect} and {@link #connectAll}). Served from memory: never blocks on a server.
     */
    public List<ToolInfo> tools() {
        return engine.tools(null);
    }

    /**
     * The tools {@code principal} may call: {@link #tools()} filtered by the access policy. Served
     * from memory: never blocks on a server.
     */
    public List<ToolInfo> tools(Principal principal) {
        return engine.tools(Objects.requireNonNull(principal, "principal"));
    }

    /**
     * The catalog of everything the servers offer (tools, resources, resource templates, prompts),
     * named as the aggregate view names them, with listeners told of every change: what a gateway
     * serves its listings from. Read {@link LiveCatalog#current()} for a snapshot; never modify it
     * (the engine keeps it in line with the servers and the configuration).
     */
    public LiveCatalog catalog() {
        return engine.catalog();
    }

    /**
     * Calls {@code tool} on {@code server} and waits for the result, at most the server's call
     * timeout ({@code timeouts.call}, default 60 s) plus, for a server not yet connected, the time
     * to connect. A tool call is never retried once it may have reached the server.
     *
     * @param server the server's name
     * @param tool the tool's own name on that server
     * @param arguments the arguments, or {@code null} for none
     * @return the {@code tools/call} result as the server sent it (with {@code isError: true} when
     *     the tool itself failed)
     * @throws NotFoundException when there is no server of that name, or the server does not offer
     *     the tool (it did not list it, or its configured tool filter leaves it out); a server whose
     *     offer is not known yet is connected and listed first
     * @throws RuntimeException as listed in the class documentation (a disabled server fails with
     *     {@link dev.switchboard.core.lifecycle.ServerConnectException}, phase {@code CONFIG})
     */
    public JsonNode callTool(String server, String tool, @Nullable JsonNode arguments) {
        return Engine.await(callToolAsync(server, tool, arguments, RequestOptions.defaults()));
    }

    /**
     * {@link #callTool(String, String, JsonNode)} for {@code principal}, after the access policy, as
     * {@link #callToolAsync(Principal, String, String, JsonNode, RequestOptions)} does, waiting for
     * the result.
     *
     * @throws NotFoundException when there is no such server or tool, or the policy hides it
     * @throws RuntimeException as listed in the class documentation
     */
    public JsonNode callTool(Principal principal, String server, String tool, @Nullable JsonNode arguments) {
        return Engine.await(callToolAsync(principal, server, tool, arguments, RequestOptions.defaults()));
    }

    /**
     * Calls {@code tool} on {@code server}. Never blocks; never throws except for null arguments.
     * Cancelling the future cancels the request downstream.
     *
     * @param options a timeout (capped at the server's {@code timeouts.call}), a progress listener,
     *     a related request
     * @return the result; fails with the exceptions listed in the class documentation
     */
    public CompletableFuture<JsonNode> callToolAsync(
            String server, String tool, @Nullable JsonNode arguments, RequestOptions options) {
        return engine.callTool(
                null,
                Objects.requireNonNull(server, "server"),
                Objects.requireNonNull(tool, "tool"),
                arguments,
                Objects.requireNonNull(options, "options"));
    }

    /**
     * Calls {@code tool} on {@code server} for {@code principal}, after the access policy: a server
     * or tool the policy hides fails exactly as a missing one does ({@link NotFoundException}), and
     * on a {@code per-identity} server the call uses {@code principal}'s own pooled sessions
     * (keyed by {@link Principal#id()}). Never blocks; never throws except for null arguments.
     *
     * @param principal who calls, as authentication resolved it (never a name the caller asserts)
     * @param options a timeout (capped at the server's {@code timeouts.call}), a progress listener,
     *     a related request
     * @return the result; fails with the exceptions listed in the class documentation
     */
    public CompletableFuture<JsonNode> callToolAsync(
            Principal principal, String server, String tool, @Nullable JsonNode arguments, RequestOptions options) {
        return engine.callTool(
                Objects.requireNonNull(principal, "principal"),
                Objects.requireNonNull(server, "server"),
                Objects.requireNonNull(tool, "tool"),
                arguments,
                Objects.requireNonNull(options, "options"));
    }

    /**
     * Sends any request ({@code resources/read}, {@code prompts/get}, {@code completion/complete},
     * ...) to {@code server} for {@code principal}, after the access policy (a hidden prompt or
     * resource fails as a missing one does), by the server's session mode and through its guard.
     * Never blocks; never throws except for null arguments.
     *
     * @param params the params, or {@code null}
     * @return the result; fails with the exceptions listed in the class documentation
     */
    public CompletableFuture<JsonNode> request(
            Principal principal, String server, String method, @Nullable JsonNode params, RequestOptions options) {
        return engine.request(
                Objects.requireNonNull(principal, "principal"),
                Objects.requireNonNull(server, "server"),
                Objects.requireNonNull(method, "method"),
                params,
                Objects.requireNonNull(options, "options"));
    }

    /**
     * The tool that {@code name} names: a full aggregate name ({@code github__search_issues}), or a
     * tool's own name when exactly one server offers a tool of that name. A name not found among
     * the discovered tools makes the lazy servers that were never connected connect (each within
     * its connect and initialize timeouts) and is looked up once more.
     *
     * @return the tool, or empty when there is none
     * @throws AmbiguousToolException when {@code name} is a bare name that more than one server
     *     offers (its {@link AmbiguousToolException#candidates()} are their full names)
     */
    public Optional<ToolInfo> route(String name) {
        return engine.route(null, Objects.requireNonNull(name, "name"));
    }

    /**
     * {@link #route(String)} among the tools {@code principal} may call: a hidden tool is treated
     * exactly like a missing one, also when deciding whether a bare name is ambiguous (and it is
     * never among the candidates of an {@link AmbiguousToolException}).
     */
    public Optional<ToolInfo> route(Principal principal, String name) {
        return engine.route(Objects.requireNonNull(principal, "principal"), Objects.requireNonNull(name, "name"));
    }

    /**
     * Calls the tool that {@code name} names (see {@link #route}) and waits for the result, as
     * {@link #callTool} does.
     *
     * @throws NotFoundException when no tool goes by that name
     * @throws AmbiguousToolException when it is a bare name that more than one server offers
     * @throws RuntimeException as listed in the class documentation
     */
    public JsonNode callRouted(String name, @Nullable JsonNode arguments) {
        ToolInfo tool = route(name).orElseThrow(() -> new NotFoundException("tool", name));
        return callTool(tool.server(), tool.tool(), arguments);
    }

    /**
     * Pings every connected server, all at once, and waits at most the supervision settings' health
     * check timeout (default 5 s) in all. Servers that are not connected are reported unhealthy
     * without being connected.
     *
     * @return one result per server, in configuration order
     */
    public List<ServerHealth> health() {
        return engine.health();
    }

    /**
     * Loads {@code file} and applies it (see {@link #reload(GatewayConfig)}). A file that is missing
     * or invalid changes nothing: the result carries every problem (without secrets).
     */
    public ReloadResult reload(Path file) {
        return engine.reload(Objects.requireNonNull(file, "file"));
    }

    /**
     * Applies {@code config}: servers that are new are added; servers whose configuration is equal
     * are kept untouched (same sessions, same processes); changed servers get new sessions for new
     * calls; removed and changed servers finish their calls in flight (at most the drain timeout,
     * default 10 s) and then close, in the background. Returns once the new configuration is in
     * effect, without waiting for the old servers to close. Reloads are applied one at a time.
     *
     * <p>Reporting the result is the caller's: the engine logs reloads at DEBUG only (logger
     * {@code dev.switchboard.core.engine}), so that whoever triggers them (the gateway logs one line
     * per reload, with its trigger) is the one place they are logged. {@link ReloadResult#toString()}
     * is a one-line summary to log.
     *
     * @return what changed, or every problem when the configuration is rejected (then nothing
     *     changed)
     * @throws IllegalStateException when this Switchboard is closed
     */
    public ReloadResult reload(GatewayConfig config) {
        return engine.reload(Objects.requireNonNull(config, "config"));
    }

    /**
     * Adds a server at runtime, as a reload that adds it would.
     *
     * @return the result; rejected when a server of that name exists or the name is invalid
     * @throws IllegalStateException when this Switchboard is closed
     */
    public ReloadResult register(ServerConfig server) {
        return engine.register(Objects.requireNonNull(server, "server"));
    }

    /**
     * Removes a server at runtime, as a reload that removes it would: it is gone for new calls at
     * once, and closes in the background after its calls in flight.
     *
     * @return the result; rejected when there is no server of that name
     * @throws IllegalStateException when this Switchboard is closed
     */
    public ReloadResult unregister(String name) {
        return engine.unregister(Objects.requireNonNull(name, "name"));
    }

    /** Every server's circuit breaker and bulkhead, ordered by server name. */
    public List<BreakerStatus> breakers() {
        return engine.breakers();
    }

    /**
     * Closes the circuit breaker of {@code server} and forgets its recorded calls. Calls in flight
     * are not affected.
     *
     * @return true (every configured server has a breaker from the start)
     * @throws NotFoundException when there is no server of that name
     */
    public boolean resetBreaker(String server) {
        return engine.resetBreaker(Objects.requireNonNull(server, "server"));
    }

    /**
     * Closes the server's shared connection (a stdio server's process stops) and connects again,
     * waiting at most its close, connect and initialize timeouts. Never throws for a failed
     * connection, which the returned status shows.
     *
     * @throws NotFoundException when there is no server of that name
     * @throws dev.switchboard.core.lifecycle.ServerConnectException when the server is disabled
     */
    public ServerStatus reconnect(String server) {
        return engine.reconnect(Objects.requireNonNull(server, "server"));
    }

    /** The session pool numbers of every {@code per-identity} server, by server name. */
    public Map<String, PoolStats> poolStats() {
        return engine.poolStats();
    }

    /**
     * Opens a session with {@code server} for the application: for a {@code per-session} server it
     * owns a connection of its own (for a stdio server, a process), made here within the server's
     * connect and initialize timeouts and closed with the session. For other modes it uses the
     * server's shared session or the application's pooled sessions.
     *
     * @throws NotFoundException when there is no server of that name
     * @throws SessionLimitException when a {@code per-session} server has {@code pool.maxPerKey}
     *     sessions open already
     * @throws dev.switchboard.core.lifecycle.ServerConnectException when the connection fails
     */
    public ServerSession openSession(String server) {
        return engine.openSession(null, Objects.requireNonNull(server, "server"), UnaryOperator.identity());
    }

    /**
     * {@link #openSession(String)} for {@code principal}: the policy applies to opening it (a hidden
     * server is unknown) and to every request on it (as of the configuration in effect at each
     * request), and on a {@code per-identity} server it uses {@code principal}'s pooled sessions.
     */
    public ServerSession openSession(Principal principal, String server) {
        return engine.openSession(
                Objects.requireNonNull(principal, "principal"),
                Objects.requireNonNull(server, "server"),
                UnaryOperator.identity());
    }

    /**
     * {@link #openSession(String)}, with what the server may ask of the caller: a {@code
     * per-session} server's own connection declares {@code capabilities} (such as {@code sampling},
     * {@code elicitation}, {@code roots}) at initialize and hands the server's requests and
     * notifications to {@code handler}, with the id of the caller's request they relate to. For
     * other session modes the connection is shared and the server's requests are refused, as
     * {@link #openSession(String)} does.
     *
     * @param capabilities the client capabilities to declare
     * @param handler answers the server's requests (on a virtual thread; may block) and receives its
     *     notifications (on the transport's thread; must not block)
     */
    public ServerSession openSession(String server, ObjectNode capabilities, IncomingHandler handler) {
        Objects.requireNonNull(capabilities, "capabilities");
        Objects.requireNonNull(handler, "handler");
        return engine.openSession(
                null,
                Objects.requireNonNull(server, "server"),
                options -> options.withServerRequests(capabilities, handler));
    }

    /**
     * {@link #openSession(String, ObjectNode, IncomingHandler)} for {@code principal}, with the
     * policy applied as {@link #openSession(Principal, String)} does: what a gateway opens for each
     * upstream session and server, relaying the server's sampling, elicitation and roots requests
     * to that upstream session.
     */
    public ServerSession openSession(
            Principal principal, String server, ObjectNode capabilities, IncomingHandler handler) {
        Objects.requireNonNull(capabilities, "capabilities");
        Objects.requireNonNull(handler, "handler");
        return engine.openSession(
                Objects.requireNonNull(principal, "principal"),
                Objects.requireNonNull(server, "server"),
                options -> options.withServerRequests(capabilities, handler));
    }

    // ---------------------------------------------------------------------------------------------
    // For gateways that relay the whole protocol (the upstream MCP views): the access policy to
    // filter listings of prompts and resources with, and what servers send on shared connections.
    // ---------------------------------------------------------------------------------------------

    /**
     * The access policy of the configuration in effect ({@code gateway.policy}), compiled; a reload
     * that changes it gives a new one. The same decisions the principal methods apply, for callers
     * that filter what they list themselves (prompts, resources). Never blocks.
     */
    public Policy policy() {
        return engine.policy();
    }

    /**
     * Tells {@code listener} what servers send on their shared connections that no call's {@link
     * RequestOptions#relatedHandler} took: resource updates, log messages, list changes (after
     * which the {@link #catalog()} is refreshed on its own).
     */
    public void addServerListener(ServerListener listener) {
        engine.addServerListener(Objects.requireNonNull(listener, "listener"));
    }

    /** Stops telling {@code listener}; nothing when it was not added. */
    public void removeServerListener(ServerListener listener) {
        engine.removeServerListener(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Stops everything: new calls fail at once, then every server closes in reverse configuration
     * order (its sessions and processes), within the supervision settings' shutdown timeout
     * (default 30 s) in all; a runtime the builder was given stays open. Idempotent.
     */
    @Override
    public void close() {
        engine.close();
    }

    /** The servers and their states. */
    @Override
    public String toString() {
        return "Switchboard" + engine;
    }

    /**
     * Builds a {@link Switchboard}. A configuration is required: {@link #config} or {@link
     * #configFile}, not both. Everything else has a default. Not thread-safe.
     */
    public static final class Builder {
        private @Nullable GatewayConfig config;
        private @Nullable Path configFile;
        private @Nullable McpRuntime runtime;
        private @Nullable MeterRegistry meterRegistry;
        private @Nullable Clock clock;
        private @Nullable SupervisionSettings supervision;
        private @Nullable Map<String, String> environment;

        private Builder() {}

        /** The configuration to start with. */
        public Builder config(GatewayConfig value) {
            once("config", config == null ? configFile : config);
            this.config = Objects.requireNonNull(value, "config");
            return this;
        }

        /** The configuration file to start with, loaded and validated at {@link #build()}. */
        public Builder configFile(Path value) {
            once("configFile", config == null ? configFile : config);
            this.configFile = Objects.requireNonNull(value, "configFile");
            return this;
        }

        /**
         * A runtime to share (threads, timer, HTTP client); not closed by the Switchboard. Default: a
         * runtime of its own, closed with it.
         */
        public Builder runtime(McpRuntime value) {
            once("runtime", runtime);
            this.runtime = Objects.requireNonNull(value, "runtime");
            return this;
        }

        /** Where the breakers, bulkheads and pools publish their meters; default a private one. */
        public Builder meterRegistry(MeterRegistry value) {
            once("meterRegistry", meterRegistry);
            this.meterRegistry = Objects.requireNonNull(value, "meterRegistry");
            return this;
        }

        /**
         * The clock of statuses, supervision (the uptime after which the backoff starts again, when
         * the next attempt is due) and breakers; default the system clock (UTC). Delays still run
         * on the runtime's timer.
         */
        public Builder clock(Clock value) {
            once("clock", clock);
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Backoff, process caps and drain, close and health-check timeouts; default {@link SupervisionSettings#DEFAULTS}. */
        public Builder supervision(SupervisionSettings value) {
            once("supervision", supervision);
            this.supervision = Objects.requireNonNull(value, "supervision");
            return this;
        }

        /**
         * The variables that {@code ${VAR}} in configuration files expands from (at build and at
         * every {@link Switchboard#reload(Path)}); default this process's environment.
         */
        public Builder environment(Map<String, String> value) {
            once("environment", environment);
            this.environment = Map.copyOf(value);
            return this;
        }

        /**
         * Starts the Switchboard. Eager servers start connecting in the background.
         *
         * @throws IllegalStateException when no configuration was given
         * @throws ConfigException listing every problem when the configuration is invalid
         */
        public Switchboard build() {
            Map<String, String> env = environment == null ? System.getenv() : environment;
            ConfigLoader loader = new ConfigLoader(env);
            GatewayConfig start = config;
            Path file = configFile;
            if (start == null && file != null) {
                start = loader.load(file).orElseThrow().config();
            }
            if (start == null) {
                throw new IllegalStateException("config: not set (expected: config(...) or configFile(...))");
            }
            EngineSetup setup = new EngineSetup(
                    runtime,
                    meterRegistry == null ? new SimpleMeterRegistry() : meterRegistry,
                    clock == null ? Clock.systemUTC() : clock,
                    supervision == null ? SupervisionSettings.DEFAULTS : supervision,
                    loader);
            Engine engine = Engine.start(setup, start);
            return new Switchboard(engine);
        }

        private static void once(String what, @Nullable Object current) {
            if (current != null) {
                throw new IllegalStateException(what + " was already set to " + current);
            }
        }
    }
}
