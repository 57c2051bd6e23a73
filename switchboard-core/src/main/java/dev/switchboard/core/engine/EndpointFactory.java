package dev.switchboard.core.engine;

import dev.switchboard.core.catalog.LiveCatalog;
import dev.switchboard.core.config.RemoteServerConfig;
import dev.switchboard.core.config.ServerConfig;
import dev.switchboard.core.config.StdioServerConfig;
import dev.switchboard.core.lifecycle.ServerConnector;
import dev.switchboard.core.lifecycle.ServerRegistry;
import dev.switchboard.core.lifecycle.ServerSupervisor;
import dev.switchboard.core.lifecycle.SupervisionSettings;
import dev.switchboard.core.pool.PoolOptions;
import dev.switchboard.core.pool.SessionPool;
import dev.switchboard.core.resilience.ResilienceRegistry;
import dev.switchboard.core.resilience.ServerGuard;
import dev.switchboard.mcp.McpRuntime;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/**
 * Makes the endpoint of one server configuration: a registry holding its supervisor (which starts
 * connecting at once when the server is eager), its guard, its discovery (not armed yet: it writes
 * to the catalog once the endpoint is in the snapshot), and the route of its session mode (a
 * session pool for {@code per-identity}). Thread-safe.
 */
final class EndpointFactory {
    private final McpRuntime runtime;
    private final ServerConnector connector;
    private final ResilienceRegistry resilience;
    private final MeterRegistry meterRegistry;
    private final SupervisionSettings supervision;
    private final LiveCatalog catalog;
    private final ServerEvents events;
    private final Clock clock;

    /** A factory for the engine's servers; the meter registry, supervision settings and clock come from {@code setup}. */
    EndpointFactory(
            McpRuntime runtime,
            ServerConnector connector,
            ResilienceRegistry resilience,
            EngineSetup setup,
            LiveCatalog catalog,
            ServerEvents events) {
        this.runtime = runtime;
        this.connector = connector;
        this.resilience = resilience;
        this.meterRegistry = setup.meterRegistry();
        this.supervision = setup.supervision();
        this.catalog = catalog;
        this.events = events;
        this.clock = setup.clock();
    }

    SupervisionSettings supervision() {
        return supervision;
    }

    /**
     * The endpoint of {@code config}. Never blocks on the server.
     *
     * @throws IllegalArgumentException when a breaker, bulkhead or pool setting is out of range
     */
    ServerEndpoint build(ServerConfig config) {
        ServerGuard guard = resilience.guard(config.name(), config.settings());
        SessionRoute route = null;
        ServerRegistry registry = new ServerRegistry(connector, runtime, supervision, clock);
        try {
            SharedCallers callers = new SharedCallers();
            Discovery discovery = new Discovery(
                    config.name(), supervision.toolPageCap(), runtime.virtualThreads(), catalog, events, callers);
            ServerSupervisor supervisor = registry.register(config, discovery);
            route = route(config, supervisor);
            return new ServerEndpoint(config, registry, supervisor, guard, route, discovery, callers);
        } catch (RuntimeException e) {
            if (route != null) {
                route.close(supervision.closeTimeout());
            }
            registry.close();
            throw e;
        }
    }

    private SessionRoute route(ServerConfig config, ServerSupervisor supervisor) {
        return switch (config.settings().sessionMode()) {
            case SHARED -> new SharedRoute(supervisor);
            case PER_IDENTITY -> pooled(config);
            case PER_SESSION -> new OwnedRoute(config, connector, runtime.virtualThreads());
        };
    }

    private PooledRoute pooled(ServerConfig config) {
        SessionPool pool = SessionPool.builder(key -> connector.connect(config).client())
                .name(config.name())
                .options(PoolOptions.from(config.settings().pool()))
                .runtime(runtime)
                .meterRegistry(meterRegistry)
                .build();
        return new PooledRoute(config.name(), transport(config), pool, runtime.virtualThreads());
    }

    /** The transport named in the configuration: {@code stdio}, {@code http}, {@code sse} or {@code websocket}. */
    static String transport(ServerConfig config) {
        return switch (config) {
            case StdioServerConfig stdio -> "stdio";
            case RemoteServerConfig remote -> remote.transport().configName();
        };
    }
}
