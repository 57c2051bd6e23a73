package dev.switchboard.mcp.demo;

import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import dev.switchboard.mcp.protocol.LogLevel;
import dev.switchboard.mcp.protocol.McpMethods;
import dev.switchboard.mcp.server.ServerSession;
import dev.switchboard.mcp.session.IncomingRequest;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the demo server keeps per client session: the minimum log level the client asked for with
 * {@code logging/setLevel} and the resources it subscribed to. Thread-safe.
 */
final class DemoSessionState {
    /** The most resources one session may subscribe to. */
    static final int MAX_SUBSCRIPTIONS = 100;

    /** The {@code logger} name of the demo server's log messages. */
    static final String LOGGER = "switchboard-demo";

    private static final Logger log = LoggerFactory.getLogger(DemoSessionState.class);

    private final ServerSession session;
    private final Set<String> subscriptions = ConcurrentHashMap.newKeySet();
    private volatile LogLevel minimumLevel = LogLevel.INFO;

    DemoSessionState(ServerSession session) {
        this.session = session;
    }

    ServerSession session() {
        return session;
    }

    LogLevel minimumLevel() {
        return minimumLevel;
    }

    void minimumLevel(LogLevel level) {
        this.minimumLevel = level;
    }

    /**
     * Sends {@code notifications/message} when {@code level} passes the session's minimum.
     *
     * @param during the request the message belongs to (it travels on that request's stream), or
     *     {@code null} for a message of the session
     */
    void log(LogLevel level, String data, @Nullable IncomingRequest during) {
        if (!level.passes(minimumLevel)) {
            return;
        }
        ObjectNode params = Json.object();
        params.put("level", level.wire());
        params.put("logger", LOGGER);
        params.put("data", data);
        try {
            if (during != null) {
                during.notify(McpMethods.LOGGING_MESSAGE, params);
            } else {
                session.notifyClient(McpMethods.LOGGING_MESSAGE, params);
            }
        } catch (RuntimeException e) {
            log.debug(
                    "demo: could not send a log message to {}: {}",
                    session.session().name(),
                    e.toString());
        }
    }

    /**
     * Subscribes to {@code uri}.
     *
     * @throws JsonRpcException when the session already has {@link #MAX_SUBSCRIPTIONS}
     */
    void subscribe(String uri) {
        if (!subscriptions.contains(uri) && subscriptions.size() >= MAX_SUBSCRIPTIONS) {
            throw new JsonRpcException(
                    JsonRpcError.INVALID_PARAMS,
                    "subscriptions: " + subscriptions.size() + " (expected: at most " + MAX_SUBSCRIPTIONS
                            + " per session)");
        }
        subscriptions.add(uri);
    }

    void unsubscribe(String uri) {
        subscriptions.remove(uri);
    }

    boolean isSubscribed(String uri) {
        return subscriptions.contains(uri);
    }

    /** Sends a notification not tied to a request; a closed session is ignored. */
    void notifyClient(String method, @Nullable ObjectNode params) {
        try {
            session.notifyClient(method, params);
        } catch (RuntimeException e) {
            log.debug(
                    "demo: could not send {} to {}: {}",
                    method,
                    session.session().name(),
                    e.toString());
        }
    }
}
