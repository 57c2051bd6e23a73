package dev.switchboard.core.engine;

import dev.switchboard.core.ServerSession;
import dev.switchboard.core.lifecycle.ErrorPhase;
import dev.switchboard.core.lifecycle.ServerConnectException;
import dev.switchboard.core.policy.Principal;
import dev.switchboard.mcp.protocol.McpMethods;
import dev.switchboard.mcp.session.RequestOptions;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A session handle of a {@code shared} or {@code per-identity} server: it owns nothing, and each
 * request goes to the server's current endpoint as the engine's own calls do, so a reload that
 * reconfigures the server is followed without the holder noticing.
 */
final class RoutedSession implements ServerSession {
    private final CallRouter router;
    private final @Nullable Principal principal;
    private final String server;
    private volatile boolean closed;

    RoutedSession(CallRouter router, @Nullable Principal principal, String server) {
        this.router = router;
        this.principal = principal;
        this.server = server;
    }

    @Override
    public String server() {
        return server;
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
        if (closed) {
            return CompletableFuture.failedFuture(new ServerConnectException(
                    server,
                    ErrorPhase.RUNTIME,
                    "this session is closed (expected: a session that is open; open a new one)",
                    List.of(),
                    null));
        }
        return router.request(principal, server, method, params, options);
    }

    @Override
    public OptionalLong processId() {
        return OptionalLong.empty();
    }

    @Override
    public boolean isOpen() {
        return !closed;
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "ServerSession[" + server + (closed ? ", closed]" : "]");
    }
}
