package dev.switchboard.server.mcp;

import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import dev.switchboard.mcp.protocol.LogLevel;
import dev.switchboard.mcp.protocol.McpMethods;
import dev.switchboard.mcp.session.IncomingRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What one upstream session's client hears of logging: the level it chose with {@code
 * logging/setLevel} (none: every message), and the log messages of the servers and of the gateway
 * itself at or above it. In the aggregate the logger names the server the message came from.
 * Thread-safe.
 */
final class ClientLog {
    private final ViewSession session;
    private volatile @Nullable LogLevel level;

    ClientLog(ViewSession session) {
        this.session = session;
    }

    /**
     * Sets the level the client chose.
     *
     * @throws JsonRpcException invalid params for a value that is not a level name
     */
    void level(@Nullable JsonNode value) {
        level = LogLevel.ofParam(value);
    }

    /** The params of {@code logging/setLevel} with the level the client chose, or {@code null} when it chose none. */
    @Nullable
    ObjectNode levelParams() {
        LogLevel chosen = level;
        return chosen == null ? null : session.context().codec().object().put("level", chosen.wire());
    }

    /**
     * A log message of {@code server} ({@code notifications/message} params): sent on when its level
     * passes, with the call it belongs to when {@code call} is set.
     */
    void serverMessage(String server, @Nullable JsonNode params, @Nullable IncomingRequest call) {
        if (!(params instanceof ObjectNode p)) {
            return;
        }
        LogLevel messageLevel = LogLevel.parse(p.path("level").asString(null)).orElse(LogLevel.INFO);
        String logger = p.path("logger").asString(null);
        String named =
                session.scope() instanceof Scope.Single ? logger : logger == null ? server : server + "/" + logger;
        send(messageLevel, named, p.get("data"), call);
    }

    /** Sends a log message when its level passes; with {@code call}'s stream when given. */
    void send(LogLevel messageLevel, @Nullable String logger, @Nullable JsonNode data, @Nullable IncomingRequest call) {
        LogLevel minimum = level;
        if (minimum != null && !messageLevel.passes(minimum)) {
            return;
        }
        ObjectNode params = session.context().codec().object();
        params.put("level", messageLevel.wire());
        if (logger != null) {
            params.put("logger", logger);
        }
        params.set("data", data == null ? session.context().codec().object() : data);
        session.notifyClient(McpMethods.LOGGING_MESSAGE, params, call);
    }
}
