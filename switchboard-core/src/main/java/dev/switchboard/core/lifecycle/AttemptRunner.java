package dev.switchboard.core.lifecycle;

import dev.switchboard.core.config.RemoteServerConfig;
import dev.switchboard.core.config.ServerConfig;
import dev.switchboard.core.config.StdioServerConfig;
import dev.switchboard.mcp.client.ClientOptions;
import dev.switchboard.mcp.protocol.McpMethods;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * One connection attempt's work: take a process slot (stdio), connect through the connector, then
 * count the tools. Runs on the attempt's thread and blocks.
 */
final class AttemptRunner {
    private final ServerConfig config;
    private final SupervisorContext context;
    private final ProcessSlots processes;
    private final UnaryOperator<ClientOptions> clientOptions;

    /**
     * What an attempt made.
     *
     * @param connection the open connection
     * @param toolCount how many tools it listed, or {@code null} when the listing failed
     * @param listingFailure why the listing failed, or {@code null}
     */
    record Result(
            ServerConnection connection,
            @Nullable Integer toolCount,
            @Nullable ServerConnectException listingFailure) {}

    AttemptRunner(ServerConfig config, SupervisorContext context, ProcessSlots processes, ConnectionObserver observer) {
        this.config = config;
        this.context = context;
        this.processes = processes;
        this.clientOptions = observer == ConnectionObserver.NONE
                ? UnaryOperator.identity()
                : options -> options.withServerRequests(
                        observer.clientCapabilities(), new NotificationRelay(config.name(), observer));
    }

    /** The transport named in the configuration: {@code stdio}, {@code http}, {@code sse} or {@code websocket}. */
    static String configuredTransport(ServerConfig config) {
        return switch (config) {
            case StdioServerConfig s -> "stdio";
            case RemoteServerConfig r -> r.transport().configName();
        };
    }

    /**
     * Connects and lists the tools.
     *
     * @throws ServerConnectException when no connection was made, or it closed before it could be
     *     used
     */
    Result connect() {
        ServerConnection connection = open();
        Integer tools = null;
        ServerConnectException listing = null;
        try {
            tools = countTools(connection);
        } catch (RuntimeException e) {
            listing = new ServerConnectException(
                    config.name(),
                    ErrorPhase.TOOL_LISTING,
                    "tools/list failed: " + e.getMessage(),
                    connection.recentStderr(),
                    e);
        }
        if (!connection.isOpen()) {
            Throwable cause = connection.closeFuture().getNow(null);
            connection.close();
            throw new ServerConnectException(
                    config.name(),
                    ErrorPhase.RUNTIME,
                    "the session closed right after the handshake: "
                            + (cause == null ? "without a reason" : cause.getMessage()),
                    connection.recentStderr(),
                    cause);
        }
        return new Result(connection, tools, listing);
    }

    private ServerConnection open() {
        if (!(config instanceof StdioServerConfig)) {
            return context.connector().connect(config, pid -> {}, clientOptions);
        }
        Optional<ProcessSlots.Slot> slot = reserveSlot();
        if (slot.isEmpty()) {
            throw new ServerConnectException(
                    config.name(),
                    ErrorPhase.PROCESS_START,
                    "processes alive: " + processes.live() + " (expected: fewer than maxProcesses " + processes.max()
                            + " before starting another)",
                    List.of(),
                    null);
        }
        ProcessSlots.Slot s = slot.get();
        try {
            return context.connector().connect(config, s::attach, clientOptions);
        } finally {
            s.releaseIfUnattached();
        }
    }

    private Optional<ProcessSlots.Slot> reserveSlot() {
        try {
            return processes.reserve(config.settings().timeouts().connect());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerConnectException(
                    config.name(),
                    ErrorPhase.PROCESS_START,
                    "interrupted while waiting for a process slot",
                    List.of(),
                    e);
        }
    }

    private int countTools(ServerConnection connection) {
        if (!connection.client().serverCapabilities().has("tools")) {
            return 0;
        }
        return connection
                .client()
                .listAll(McpMethods.TOOLS_LIST, "tools", context.settings().toolPageCap())
                .size();
    }
}
