package dev.switchboard.server.mcp;

import dev.switchboard.core.Switchboard;
import dev.switchboard.core.config.Views;
import dev.switchboard.core.lifecycle.SupervisionSettings;
import dev.switchboard.core.policy.Principal;
import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.client.ClientOptions;
import dev.switchboard.mcp.client.McpClient;
import dev.switchboard.mcp.client.http.HttpTransportOptions;
import dev.switchboard.mcp.client.http.SseClientTransport;
import dev.switchboard.mcp.client.http.StreamableHttpClientTransport;
import dev.switchboard.mcp.server.SessionContext;
import dev.switchboard.mcp.server.http.HttpServerTransportOptions;
import dev.switchboard.mcp.session.IncomingHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A gateway for tests: an engine for a YAML configuration, its views, and a Jetty server on
 * 127.0.0.1 port 0 routing the views' paths as the gateway does. A request with {@code X-Test-User:
 * NAME} is owned by the principal NAME (standing in for the gateway's authentication).
 */
final class TestGateway implements AutoCloseable {
    static final String USER_HEADER = "X-Test-User";

    /** Quick backoff and short drains, so that failures and reloads stay short. */
    static final SupervisionSettings SUPERVISION = SupervisionSettings.DEFAULTS
            .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1))
            .withStopTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(15));

    final McpRuntime runtime = new McpRuntime();
    final Path config;
    final Switchboard switchboard;
    final McpViews views;
    private final Server jetty;
    private final ExecutorService threads;
    private final URI base;
    private final List<McpClient> clients = new ArrayList<>();

    private TestGateway(String yaml, ViewSettings settings) {
        try {
            config = Files.createTempFile("switchboard-views-", ".yaml");
            Files.writeString(config, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        switchboard = Switchboard.builder()
                .configFile(config)
                .runtime(runtime)
                .supervision(SUPERVISION)
                .build();
        views = new McpViews(switchboard, runtime, settings, CallRecorder.NONE);
        threads = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("test-gw-", 0).factory());
        QueuedThreadPool pool = new QueuedThreadPool(8, 2);
        pool.setVirtualThreadsExecutor(threads);
        jetty = new Server(pool);
        ServerConnector connector = new ServerConnector(jetty, 1, 1);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        jetty.setHandler(new Routes(views.httpHandlers(HttpServerTransportOptions.defaults(), Views.ALL)));
        jetty.setStopTimeout(0);
        try {
            jetty.start();
        } catch (Exception e) {
            close();
            throw new IllegalStateException(e);
        }
        base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    static TestGateway start(String yaml) {
        return new TestGateway(yaml, ViewSettings.DEFAULTS);
    }

    static TestGateway start(String yaml, ViewSettings settings) {
        return new TestGateway(yaml, settings);
    }

    URI uri(String path) {
        return URI.create(base + path);
    }

    /** A client of {@code path} over Streamable HTTP, closed with the gateway. */
    McpClient connect(String path, @Nullable IncomingHandler handler) {
        return connect(path, handler, null);
    }

    /** As {@link #connect(String, IncomingHandler)}, as the principal {@code user} when not null. */
    McpClient connect(String path, @Nullable IncomingHandler handler, @Nullable String user) {
        HttpTransportOptions.Builder options = HttpTransportOptions.builder(uri(path));
        if (user != null) {
            options.header(USER_HEADER, user);
        }
        return register(
                McpClient.connect(new StreamableHttpClientTransport(runtime, options.build()), clientOptions(handler)));
    }

    /** A client of the aggregate over the legacy HTTP+SSE transport. */
    McpClient connectSse(@Nullable IncomingHandler handler) {
        return register(McpClient.connect(
                new SseClientTransport(runtime, HttpTransportOptions.of(uri("/sse"))), clientOptions(handler)));
    }

    private ClientOptions clientOptions(@Nullable IncomingHandler handler) {
        ClientOptions options = ClientOptions.of(runtime, "test-client");
        if (handler == null) {
            return options;
        }
        ObjectNode caps = JsonNodeFactory.instance.objectNode();
        caps.putObject("sampling");
        caps.putObject("elicitation");
        caps.putObject("roots");
        return options.withServerRequests(caps, handler);
    }

    private McpClient register(McpClient client) {
        synchronized (clients) {
            clients.add(client);
        }
        return client;
    }

    /** Rewrites the configuration file and reloads it. */
    void reload(String yaml) {
        try {
            Files.writeString(config, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        switchboard.reload(config);
    }

    @Override
    public void close() {
        synchronized (clients) {
            clients.forEach(McpClient::close);
        }
        try {
            jetty.stop();
        } catch (Exception e) {
            // stopping a test server: nothing to do about it
        }
        threads.shutdownNow();
        views.close();
        switchboard.close();
        runtime.close();
        try {
            Files.deleteIfExists(config);
        } catch (IOException e) {
            // a temporary file
        }
    }

    /** Routes exact paths and {@code /prefix/*} patterns, and sets the test principal. */
    private static final class Routes extends Handler.AbstractContainer {
        private final Map<String, Handler> routes;

        Routes(Map<String, Handler> routes) {
            super(false);
            this.routes = routes;
            routes.values().stream().distinct().forEach(this::addBean);
        }

        @Override
        public List<Handler> getHandlers() {
            return routes.values().stream().distinct().toList();
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String user = request.getHeaders().get(USER_HEADER);
            if (user != null) {
                request.setAttribute(SessionContext.OWNER_ATTRIBUTE, new Principal(user, null, Set.of()));
            }
            String path = Request.getPathInContext(request);
            Handler exact = routes.get(path);
            if (exact != null) {
                return exact.handle(request, response, callback);
            }
            for (Map.Entry<String, Handler> route : routes.entrySet()) {
                String pattern = route.getKey();
                if (pattern.endsWith("/*") && path.startsWith(pattern.substring(0, pattern.length() - 1))) {
                    return route.getValue().handle(request, response, callback);
                }
            }
            return false;
        }
    }
}
