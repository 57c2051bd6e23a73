package dev.switchboard.core.engine;

import dev.switchboard.core.ServerSession;
import dev.switchboard.core.lifecycle.ErrorPhase;
import dev.switchboard.core.lifecycle.ServerConnectException;
import dev.switchboard.core.lifecycle.ServerConnection;
import dev.switchboard.mcp.protocol.McpMethods;
import dev.switchboard.mcp.session.RequestOptions;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * A session handle of a {@code per-session} server: it owns one connection, made when it was
 * opened, and closes it with itself. Its requests pass through the endpoint's guard and count as
 * the endpoint's requests in flight; once the endpoint retires (the server was removed or
 * reconfigured), the endpoint closes the handle after its requests drained.
 */
final class OwnedSession implements ServerSession {
    private static final Logger log = LoggerFactory.getLogger(OwnedSession.class);

    private final ServerEndpoint endpoint;
    private final ServerConnection connection;
    private final RequestGate gate;
    private final Consumer<OwnedSession> onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    OwnedSession(
            ServerEndpoint endpoint, ServerConnection connection, RequestGate gate, Consumer<OwnedSession> onClose) {
        this.endpoint = endpoint;
        this.connection = connection;
        this.gate = gate;
        this.onClose = onClose;
    }

    @Override
    public String server() {
        return endpoint.name();
    }

    @Override
    public JsonNode callTool(String tool, @Nullable JsonNode arguments) {
        return Futures.await(
                request(McpMethods.TOOLS_CALL, Engine.toolCallParams(tool, arguments), RequestOptions.defaults()));
    }

    @Override
    public CompletableFuture<JsonNode> request(String method, @Nullable JsonNode params, RequestOptions options) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(options, "options");
        if (closed.get()) {
            return CompletableFuture.failedFuture(closedException());
        }
        try {
            gate.check(method, params);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<JsonNode> result = endpoint.guarded(
                method, options, () -> connection.client().session().request(method, params, options));
        return result != null ? result : CompletableFuture.failedFuture(closedException());
    }

    @Override
    public boolean notifyOwnConnection(String method, @Nullable JsonNode params) {
        Objects.requireNonNull(method, "method");
        if (!isOpen()) {
            return false;
        }
        try {
            connection.client().session().notify(method, params);
            return true;
        } catch (RuntimeException e) {
            log.debug("server {}: could not send {}: {}", endpoint.name(), method, e.toString());
            return false;
        }
    }

    @Override
    public OptionalLong processId() {
        return connection.pid();
    }

    @Override
    public boolean isOpen() {
        return !closed.get() && connection.isOpen();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            connection.close();
        } catch (RuntimeException e) {
            log.warn("server {}: closing a session's connection failed", endpoint.name(), e);
        } finally {
            onClose.accept(this);
        }
    }

    private ServerConnectException closedException() {
        return new ServerConnectException(
                endpoint.name(),
                ErrorPhase.RUNTIME,
                "this session is closed (expected: a session that is open; open a new one)",
                List.of(),
                null);
    }

    @Override
    public String toString() {
        return "ServerSession[" + endpoint.name() + ", " + connection + (closed.get() ? ", closed]" : "]");
    }
}
