package dev.switchboard.server;

import dev.switchboard.core.ReloadResult;
import dev.switchboard.core.Switchboard;
import dev.switchboard.core.config.AuthConfig;
import dev.switchboard.core.config.ConfigLoader;
import dev.switchboard.core.config.GatewayConfig;
import dev.switchboard.core.config.ListenAddress;
import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.server.admin.AdminApi;
import dev.switchboard.server.admin.GatewayMetrics;
import dev.switchboard.server.admin.MetricsHandler;
import dev.switchboard.server.admin.ProbeHandler;
import dev.switchboard.server.auth.Authenticator;
import dev.switchboard.server.auth.BindCheck;
import dev.switchboard.server.http.Access;
import dev.switchboard.server.http.GatewayServer;
import dev.switchboard.server.http.GatewayServerOptions;
import dev.switchboard.server.http.JsonReplies;
import dev.switchboard.server.http.RouteTable;
import dev.switchboard.server.ops.CallLog;
import dev.switchboard.server.ops.ConfigWatcher;
import dev.switchboard.server.ops.Reloader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds and starts a {@link Gateway}. Only the configuration file is required. Not thread-safe.
 *
 * <pre>{@code
 * try (Gateway gateway = Gateway.builder().configFile(Path.of("switchboard.yaml")).start()) {
 *     System.out.println(gateway.base());
 * }
 * }</pre>
 */
public final class GatewayBuilder {
    private static final Logger log = LoggerFactory.getLogger(Gateway.class);

    private @Nullable Path configFile;
    private @Nullable ListenAddress listen;
    private Map<String, String> environment = System.getenv();
    private boolean watchConfig = true;
    private Duration reloadDebounce = Duration.ofMillis(300);
    private Duration drainTimeout = Duration.ofSeconds(10);
    private @Nullable Integer maxRequestBodyBytes;
    private final List<ViewMount> views = new ArrayList<>();

    GatewayBuilder() {}

    /** The configuration file (JSON or YAML); required. Reloads read it again. */
    public GatewayBuilder configFile(Path value) {
        this.configFile = Objects.requireNonNull(value, "configFile");
        return this;
    }

    /** Where to listen instead of the file's {@code gateway.listen}; port 0 picks a free port. */
    public GatewayBuilder listen(ListenAddress value) {
        this.listen = Objects.requireNonNull(value, "listen");
        return this;
    }

    /** The variables {@code ${VAR}} expands from, at start and at every reload; default this process's environment. */
    public GatewayBuilder environment(Map<String, String> value) {
        this.environment = Map.copyOf(value);
        return this;
    }

    /** Whether to reload when the file changes; default true. */
    public GatewayBuilder watchConfig(boolean value) {
        this.watchConfig = value;
        return this;
    }

    /** How long the file's directory must stay quiet before a change is reloaded; default 300 ms. */
    public GatewayBuilder reloadDebounce(Duration value) {
        this.reloadDebounce = Objects.requireNonNull(value, "reloadDebounce");
        return this;
    }

    /** How long {@link Gateway#close()} waits for tool calls in flight; default 10 s. */
    public GatewayBuilder drainTimeout(Duration value) {
        this.drainTimeout = Objects.requireNonNull(value, "drainTimeout");
        return this;
    }

    /** The largest request body on any route instead of the file's {@code gateway.maxRequestBytes} (default 4 MiB). */
    public GatewayBuilder maxRequestBodyBytes(int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("maxRequestBodyBytes: " + value + " (expected: a positive number)");
        }
        this.maxRequestBodyBytes = value;
        return this;
    }

    /** Adds a view, registered on the routes before the server starts. */
    public GatewayBuilder view(ViewMount value) {
        views.add(Objects.requireNonNull(value, "view"));
        return this;
    }

    /**
     * Loads the file, starts the engine and the HTTP server, and logs one line per server and the URL
     * of every endpoint.
     *
     * @throws dev.switchboard.core.config.ConfigException listing every problem of an invalid file
     * @throws IllegalStateException when the address is refused (not loopback without auth) or cannot
     *     be bound; the message says which
     */
    public Gateway start() {
        Path file = Objects.requireNonNull(configFile, "configFile: not set (expected: a configuration file)");
        GatewayConfig config =
                new ConfigLoader(environment).load(file).orElseThrow().config();
        GatewayServerOptions options = serverOptions(config);
        AuthConfig auth = config.gateway().auth();
        BindCheck.require(options.listen(), auth);
        McpRuntime runtime = new McpRuntime();
        GatewayMetrics metrics = new GatewayMetrics();
        Switchboard switchboard = null;
        try {
            switchboard = Switchboard.builder()
                    .config(config)
                    .environment(environment)
                    .runtime(runtime)
                    .meterRegistry(metrics.registry())
                    .build();
            return assemble(file, options, runtime, metrics, switchboard);
        } catch (RuntimeException e) {
            if (switchboard != null) {
                switchboard.close();
            }
            runtime.close();
            metrics.close();
            throw e;
        }
    }

    /** The file's listen address, allowed origins and hosts and body limit, with this builder's overrides. */
    private GatewayServerOptions serverOptions(GatewayConfig config) {
        GatewayServerOptions options = GatewayServerOptions.from(config.gateway());
        if (listen != null) {
            options = options.withListen(listen);
        }
        Integer bodyLimit = maxRequestBodyBytes;
        return bodyLimit != null ? options.withMaxRequestBodyBytes(bodyLimit) : options;
    }

    private Gateway assemble(
            Path file,
            GatewayServerOptions options,
            McpRuntime runtime,
            GatewayMetrics metrics,
            Switchboard switchboard) {
        AuthConfig auth = switchboard.config().gateway().auth();
        CallLog callLog = new CallLog(metrics.registry(), System::nanoTime);
        JsonReplies replies = new JsonReplies(runtime.codec());
        RouteTable routes = new RouteTable();
        GatewayServer server =
                new GatewayServer(options, routes, Authenticator.create(auth, runtime::httpClient), runtime.codec());
        Reloader reloader =
                new Reloader(switchboard, file, result -> applyGatewaySettings(result, switchboard, server, runtime));
        AtomicBoolean ready = new AtomicBoolean();
        ProbeHandler probes = new ProbeHandler(switchboard, ready::get, replies);
        routes.route(ProbeHandler.HEALTHZ, Access.PUBLIC, probes)
                .route(ProbeHandler.READYZ, Access.PUBLIC, probes)
                .route(
                        MetricsHandler.PATH,
                        Access.AUTHENTICATED,
                        new MetricsHandler(metrics.registry(), switchboard, replies))
                .route(
                        "/api/*",
                        Access.ADMIN,
                        new AdminApi(
                                switchboard,
                                runtime.codec().mapper(),
                                replies,
                                callLog,
                                () -> reloader.reload("api"),
                                options.maxRequestBodyBytes()));
        GatewayContext context = new GatewayContext(switchboard, runtime, callLog, options, metrics.registry());
        views.forEach(view -> view.mount(context, routes));
        server.start();
        StartupReport.log(file, server, switchboard, routes);
        ConfigWatcher watcher = watchConfig ? watch(file, reloader) : null;
        ready.set(true);
        return new Gateway(switchboard, runtime, metrics, callLog, reloader, server, watcher, drainTimeout, ready);
    }

    private @Nullable ConfigWatcher watch(Path file, Reloader reloader) {
        ConfigWatcher watcher =
                new ConfigWatcher(file, reloadDebounce, () -> reloader.reload("file change"), System::nanoTime);
        try {
            watcher.start();
            return watcher;
        } catch (IOException e) {
            log.warn("Cannot watch {} for changes ({}); reload with SIGHUP or POST /api/reload", file, e.toString());
            return null;
        }
    }

    /**
     * Applies what the engine does not own: a new {@code gateway.auth} at once; {@code
     * gateway.listen} and the HTTP checks and limits at the next start.
     */
    private static void applyGatewaySettings(
            ReloadResult result, Switchboard switchboard, GatewayServer server, McpRuntime runtime) {
        if (result.gatewayChanges().contains("auth")) {
            AuthConfig auth = switchboard.config().gateway().auth();
            try {
                server.authenticator(Authenticator.create(auth, runtime::httpClient));
                log.info("gateway.auth changed: the new credentials apply to every new request");
            } catch (IllegalStateException | IllegalArgumentException e) {
                log.error(
                        "gateway.auth changed but was not applied, the previous credentials stay: {}", e.getMessage());
            }
        }
        if (result.gatewayChanges().contains("listen")) {
            log.warn(
                    "gateway.listen changed to {}: takes effect when the gateway restarts",
                    switchboard.config().gateway().listen());
        }
        for (String key : List.of("allowedOrigins", "allowedHosts", "maxRequestBytes", "maxSessions")) {
            if (result.gatewayChanges().contains(key)) {
                log.warn("gateway.{} changed: takes effect when the gateway restarts", key);
            }
        }
    }
}
