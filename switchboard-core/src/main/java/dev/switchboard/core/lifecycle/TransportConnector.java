package dev.switchboard.core.lifecycle;

import dev.switchboard.core.config.RemoteServerConfig;
import dev.switchboard.core.config.ServerConfig;
import dev.switchboard.core.config.StdioServerConfig;
import dev.switchboard.core.config.Timeouts;
import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.client.ClientOptions;
import dev.switchboard.mcp.client.McpClient;
import dev.switchboard.mcp.client.http.HttpStatusException;
import dev.switchboard.mcp.client.http.HttpTransportOptions;
import dev.switchboard.mcp.client.http.SseClientTransport;
import dev.switchboard.mcp.client.http.StreamableHttpClientTransport;
import dev.switchboard.mcp.client.stdio.StdioClientTransport;
import dev.switchboard.mcp.client.stdio.StdioServerParameters;
import dev.switchboard.mcp.client.ws.WebSocketClientTransport;
import dev.switchboard.mcp.client.ws.WebSocketOptions;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The {@link ServerConnector} over the real transports of {@code switchboard-mcp}. Classifies each
 * failure: before the transport started, {@link ErrorPhase#PROCESS_START} (stdio) or {@link
 * ErrorPhase#TRANSPORT_CONNECT} (remote); during the handshake, {@link ErrorPhase#INITIALIZE} for a
 * process that started (it exited, or did not answer), and for a remote server a transport failure
 * keeps {@code TRANSPORT_CONNECT} (the connection was refused) while an error answer or a timeout
 * is {@code INITIALIZE}. Thread-safe.
 */
final class TransportConnector implements ServerConnector {
    /** The statuses with which a legacy HTTP+SSE server answers an {@code initialize} POST. */
    private static final Set<Integer> LEGACY_STATUSES = Set.of(400, 404, 405);

    private final McpRuntime runtime;

    TransportConnector(McpRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public ServerConnection connect(ServerConfig config, LongConsumer onProcessStarted) {
        return connect(config, onProcessStarted, UnaryOperator.identity());
    }

    @Override
    public ServerConnection connect(
            ServerConfig config, LongConsumer onProcessStarted, UnaryOperator<ClientOptions> options) {
        ClientOptions client = options.apply(clientOptions(config));
        return switch (config) {
            case StdioServerConfig stdio -> connectStdio(stdio, onProcessStarted, client);
            case RemoteServerConfig remote ->
                switch (remote.transport()) {
                    case HTTP -> connectHttp(remote, client);
                    case SSE -> connectSse(remote, httpOptions(remote), client);
                    case WEBSOCKET -> connectWebSocket(remote, client);
                };
        };
    }

    private ServerConnection connectStdio(
            StdioServerConfig config, LongConsumer onProcessStarted, ClientOptions clientOptions) {
        StdioServerParameters parameters;
        try {
            parameters = StdioServerParameters.builder(config.command())
                    .args(config.args())
                    .env(config.env())
                    .inheritEnvironment(config.inheritEnv())
                    .workingDirectory(config.cwd())
                    .build();
        } catch (IllegalArgumentException e) {
            throw configError(config, e);
        }
        StdioClientTransport transport = new StdioClientTransport(config.name(), parameters, runtime);
        StartObserver observed =
                new StartObserver(transport, () -> transport.pid().ifPresent(onProcessStarted));
        McpClient client;
        try {
            client = handshake(config, observed, ErrorPhase.PROCESS_START, transport::recentStderr, clientOptions);
        } catch (ServerConnectException e) {
            throw withExitCode(e, transport);
        }
        return new ServerConnection(config.name(), "stdio", client, transport.pid(), transport::recentStderr);
    }

    /**
     * {@code e} naming the exit code when the process exited and the message does not say so yet: a
     * send that raced with the exit only says the transport is closing.
     */
    private static ServerConnectException withExitCode(ServerConnectException e, StdioClientTransport transport) {
        OptionalInt code = transport.exitCode();
        if (code.isEmpty() || e.detail().contains("exited with code")) {
            return e;
        }
        return new ServerConnectException(
                e.server(),
                e.phase(),
                e.detail() + " (the process exited with code " + code.getAsInt() + ")",
                e.stderrTail(),
                e.getCause());
    }

    private ServerConnection connectHttp(RemoteServerConfig config, ClientOptions clientOptions) {
        HttpTransportOptions options = httpOptions(config);
        StartObserver observed = new StartObserver(new StreamableHttpClientTransport(runtime, options), () -> {});
        try {
            McpClient client = handshake(config, observed, ErrorPhase.TRANSPORT_CONNECT, List::of, clientOptions);
            return remote(config, "http", client);
        } catch (ServerConnectException e) {
            if (!isLegacyAnswer(e)) {
                throw e;
            }
            return fallBackToSse(config, options, e, clientOptions);
        }
    }

    /**
     * The backwards-compatibility path of the MCP specification: a server that refuses the POST of
     * {@code initialize} may be a legacy one, which opens an event stream on a GET of the same URL.
     */
    private ServerConnection fallBackToSse(
            RemoteServerConfig config,
            HttpTransportOptions options,
            ServerConnectException refused,
            ClientOptions clientOptions) {
        try {
            return connectSse(config, options, clientOptions);
        } catch (ServerConnectException e) {
            ServerConnectException both = new ServerConnectException(
                    config.name(),
                    refused.phase(),
                    refused.detail() + " (the fallback to HTTP+SSE failed too: " + e.detail() + ")",
                    List.of(),
                    refused);
            both.addSuppressed(e);
            throw both;
        }
    }

    private ServerConnection connectSse(
            RemoteServerConfig config, HttpTransportOptions options, ClientOptions clientOptions) {
        StartObserver observed = new StartObserver(new SseClientTransport(runtime, options), () -> {});
        return remote(
                config, "sse", handshake(config, observed, ErrorPhase.TRANSPORT_CONNECT, List::of, clientOptions));
    }

    private ServerConnection connectWebSocket(RemoteServerConfig config, ClientOptions clientOptions) {
        WebSocketOptions options;
        try {
            WebSocketOptions.Builder builder = WebSocketOptions.builder(config.url())
                    .connectTimeout(config.settings().timeouts().connect());
            config.headers().forEach(builder::header);
            options = builder.build();
        } catch (IllegalArgumentException e) {
            throw configError(config, e);
        }
        StartObserver observed = new StartObserver(new WebSocketClientTransport(runtime, options), () -> {});
        return remote(
                config,
                "websocket",
                handshake(config, observed, ErrorPhase.TRANSPORT_CONNECT, List::of, clientOptions));
    }

    private HttpTransportOptions httpOptions(RemoteServerConfig config) {
        Timeouts timeouts = config.settings().timeouts();
        Duration longest =
                timeouts.call().compareTo(timeouts.initialize()) >= 0 ? timeouts.call() : timeouts.initialize();
        try {
            HttpTransportOptions.Builder builder = HttpTransportOptions.builder(config.url())
                    .connectTimeout(timeouts.connect())
                    .responseTimeout(longest);
            config.headers().forEach(builder::header);
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw configError(config, e);
        }
    }

    private McpClient handshake(
            ServerConfig config,
            StartObserver transport,
            ErrorPhase startPhase,
            Supplier<List<String>> stderr,
            ClientOptions options) {
        try {
            return McpClient.connect(transport, options);
        } catch (RuntimeException e) {
            ErrorPhase phase = handshakePhase(transport.started(), startPhase, e);
            String what = transport.started() ? "initialize of " : "start of ";
            throw new ServerConnectException(
                    config.name(), phase, what + transport.describe() + " failed: " + e.getMessage(), stderr.get(), e);
        }
    }

    /**
     * The phase of a failed connection: {@code startPhase} when the transport did not start. Once a
     * process started, whatever failed the handshake (the process exited, wrote no answer in time,
     * answered an error) is {@link ErrorPhase#INITIALIZE}. A remote transport's handshake request is
     * its first contact with the server, so a transport failure there stays {@code startPhase}
     * ({@link ErrorPhase#TRANSPORT_CONNECT}) and only an answer or a timeout is {@code INITIALIZE}.
     */
    static ErrorPhase handshakePhase(boolean started, ErrorPhase startPhase, RuntimeException failure) {
        if (!started) {
            return startPhase;
        }
        if (startPhase == ErrorPhase.PROCESS_START || failure instanceof JsonRpcException) {
            return ErrorPhase.INITIALIZE;
        }
        return startPhase;
    }

    private ClientOptions clientOptions(ServerConfig config) {
        Timeouts timeouts = config.settings().timeouts();
        ClientOptions defaults = ClientOptions.of(runtime, config.name());
        return defaults.withSession(defaults.session().withRequestTimeout(timeouts.call()))
                .withInitializeTimeout(timeouts.initialize());
    }

    private static ServerConnection remote(RemoteServerConfig config, String transport, McpClient client) {
        return new ServerConnection(config.name(), transport, client, OptionalLong.empty(), List::of);
    }

    private static boolean isLegacyAnswer(ServerConnectException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof HttpStatusException status) {
                return LEGACY_STATUSES.contains(status.statusCode());
            }
        }
        return false;
    }

    private static ServerConnectException configError(ServerConfig config, IllegalArgumentException e) {
        return new ServerConnectException(
                config.name(), ErrorPhase.CONFIG, String.valueOf(e.getMessage()), List.of(), e);
    }
}
