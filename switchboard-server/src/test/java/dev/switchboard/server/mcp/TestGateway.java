package dev.switchboard.server.mcp;

import dev.switchboard.core.Switchboard;
import dev.switchboard.core.config.ListenAddress;
import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.client.ClientOptions;
import dev.switchboard.mcp.client.McpClient;
import dev.switchboard.mcp.client.http.HttpTransportOptions;
import dev.switchboard.mcp.client.http.SseClientTransport;
import dev.switchboard.mcp.client.http.StreamableHttpClientTransport;
import dev.switchboard.mcp.session.IncomingHandler;
import dev.switchboard.server.Gateway;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The real gateway for tests, with the MCP views mounted, on 127.0.0.1 port 0, for a YAML
 * configuration ({@link Configs}). With {@link Configs#withAuth} each user of {@link Configs#USERS}
 * has an API key, which {@link #connect} sends; without it every caller is anonymous.
 */
final class TestGateway implements AutoCloseable {
    /** The user a client is when a test names none, in a configuration with auth. */
    static final String DEFAULT_USER = "tester";

    final McpRuntime runtime = new McpRuntime();
    final Path config;
    final Gateway gateway;
    final Switchboard switchboard;
    private final boolean auth;
    private final List<McpClient> clients = new ArrayList<>();

    private TestGateway(String yaml, ViewSettings settings) {
        try {
            config = Files.createTempFile("switchboard-views-", ".yaml");
            Files.writeString(config, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        auth = yaml.contains("apiKeys:");
        gateway = Gateway.builder()
                .configFile(config)
                .listen(new ListenAddress("127.0.0.1", 0))
                .watchConfig(false)
                .drainTimeout(Duration.ofSeconds(2))
                .environment(Map.of())
                .view(new McpViewMount(settings))
                .start();
        switchboard = gateway.switchboard();
    }

    static TestGateway start(String yaml) {
        return new TestGateway(yaml, ViewSettings.DEFAULTS);
    }

    static TestGateway start(String yaml, ViewSettings settings) {
        return new TestGateway(yaml, settings);
    }

    URI uri(String path) {
        return gateway.base().resolve(path.substring(1));
    }

    /** The headers that authenticate {@code user} (the default user when null); none without auth. */
    Map<String, String> headers(@Nullable String user) {
        return auth ? Map.of("Authorization", "Bearer " + Configs.key(user == null ? DEFAULT_USER : user)) : Map.of();
    }

    /** A client of {@code path} over Streamable HTTP, closed with the gateway. */
    McpClient connect(String path, @Nullable IncomingHandler handler) {
        return connect(path, handler, null);
    }

    /** As {@link #connect(String, IncomingHandler)}, as {@code user} (the default user when null). */
    McpClient connect(String path, @Nullable IncomingHandler handler, @Nullable String user) {
        HttpTransportOptions.Builder options = HttpTransportOptions.builder(uri(path));
        headers(user).forEach(options::header);
        return register(
                McpClient.connect(new StreamableHttpClientTransport(runtime, options.build()), clientOptions(handler)));
    }

    /** A client of the aggregate over the legacy HTTP+SSE transport. */
    McpClient connectSse(@Nullable IncomingHandler handler) {
        HttpTransportOptions.Builder options = HttpTransportOptions.builder(uri("/sse"));
        headers(null).forEach(options::header);
        return register(McpClient.connect(new SseClientTransport(runtime, options.build()), clientOptions(handler)));
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

    /** Rewrites the configuration file and reloads it, as a file change would. */
    void reload(String yaml) {
        try {
            Files.writeString(config, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        gateway.reload("test");
    }

    @Override
    public void close() {
        synchronized (clients) {
            clients.forEach(McpClient::close);
        }
        gateway.close();
        runtime.close();
        try {
            Files.deleteIfExists(config);
        } catch (IOException e) {
            // a temporary file
        }
    }
}
