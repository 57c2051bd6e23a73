package dev.switchboard.server.mcp;

import dev.switchboard.core.Switchboard;
import dev.switchboard.core.config.Views;
import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.server.ServerSessionFactory;
import dev.switchboard.mcp.server.http.HttpServerTransportOptions;
import dev.switchboard.mcp.server.http.LegacySseHandler;
import dev.switchboard.mcp.server.http.StreamableHttpHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Handler;

/**
 * The upstream MCP views of one {@link Switchboard}: the aggregate ({@code /mcp}, legacy {@code
 * /sse} + {@code /message}, and stdio), the compact meta view ({@code /mcp/meta}) and one
 * pass-through endpoint per server ({@code /mcp/servers/{name}}); see the package documentation
 * for what each serves. Each view is a {@link ServerSessionFactory} to serve over any MCP server
 * transport; {@link #httpHandlers} gives the Jetty handlers of the HTTP endpoints.
 *
 * <p>The views follow the engine: its catalog's changes become {@code list_changed} for the upstream
 * sessions that see them, a reload that changes the access policy and a server that goes down or
 * comes back tell the sessions concerned (checked once a second), and what servers send on their
 * shared connections reaches the sessions it belongs to. {@link #close()} stops following; it does
 * not close the sessions (their transports do) nor the engine. Thread-safe.
 */
public final class McpViews implements AutoCloseable {
    private final Switchboard switchboard;
    private final McpRuntime runtime;
    private final ViewContext context;
    private final ViewFactory aggregate;
    private final ViewFactory meta;
    private final ScheduledFuture<?> policyWatch;

    /**
     * Views of {@code switchboard}, with the default settings and no call log.
     *
     * @param runtime the threads and codec of the upstream sessions; not closed by the views
     */
    public McpViews(Switchboard switchboard, McpRuntime runtime) {
        this(switchboard, runtime, ViewSettings.DEFAULTS, CallRecorder.NONE);
    }

    McpViews(Switchboard switchboard, McpRuntime runtime, ViewSettings settings, CallRecorder calls) {
        this.switchboard = Objects.requireNonNull(switchboard, "switchboard");
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        UpstreamHub hub = new UpstreamHub(switchboard);
        this.context = new ViewContext(switchboard, runtime.codec(), settings, hub, calls, runtime.virtualThreads());
        this.aggregate = new ViewFactory(context, View.aggregate());
        this.meta = new ViewFactory(context, View.meta());
        switchboard.catalog().addListener(hub);
        switchboard.addServerListener(hub);
        // sending list_changed may block on a slow client: on a virtual thread, not the shared timer
        Executor threads = runtime.virtualThreads();
        this.policyWatch = runtime.timer()
                .scheduleWithFixedDelay(() -> runQuietly(threads, hub::checkChanges), 1, 1, TimeUnit.SECONDS);
    }

    private static void runQuietly(Executor threads, Runnable task) {
        try {
            threads.execute(task);
        } catch (RejectedExecutionException e) {
            // shutting down: nothing left to tell
        }
    }

    /** The aggregate view, for any server transport (such as stdio). */
    public ServerSessionFactory aggregate() {
        return aggregate;
    }

    /** The compact view of the four meta-tools. */
    public ServerSessionFactory meta() {
        return meta;
    }

    /** The pass-through view of the server named {@code server} (which need not exist yet). */
    public ServerSessionFactory server(String server) {
        return serverFactory(Objects.requireNonNull(server, "server"));
    }

    private ViewFactory serverFactory(String server) {
        return new ViewFactory(context, View.server(server));
    }

    /**
     * The Jetty handlers of the enabled HTTP endpoints, by route: {@code /mcp}, {@code /sse} and
     * {@code /message} (one handler for both) for the aggregate, {@code /mcp/meta}, and the prefix
     * {@code /mcp/servers/*}. Each call makes new handlers with sessions of their own; their
     * lifecycle is the server's that runs them.
     *
     * @param options limits and checks of the MCP transports (body size, Host and Origin)
     * @param enabled which views to serve
     * @return an ordered map from route pattern to handler
     */
    public Map<String, Handler> httpHandlers(HttpServerTransportOptions options, Views enabled) {
        Map<String, Handler> routes = new LinkedHashMap<>();
        if (enabled.aggregate()) {
            routes.put("/mcp", new StreamableHttpHandler(aggregate, runtime, options));
            LegacySseHandler legacy = new LegacySseHandler(aggregate, runtime, options, "/message");
            routes.put("/sse", legacy);
            routes.put("/message", legacy);
        }
        if (enabled.meta()) {
            routes.put("/mcp/meta", new StreamableHttpHandler(meta, runtime, options));
        }
        if (enabled.servers()) {
            routes.put(
                    ServersHandler.PREFIX + "*",
                    new ServersHandler(switchboard, runtime, options, this::serverFactory));
        }
        return routes;
    }

    /** The number of upstream sessions open now, over every view and transport. */
    public int sessionCount() {
        return context.hub().size();
    }

    /** Stops following the engine. Idempotent. */
    @Override
    public void close() {
        policyWatch.cancel(false);
        switchboard.catalog().removeListener(context.hub());
        switchboard.removeServerListener(context.hub());
    }
}
