package dev.switchboard.core;

import dev.switchboard.mcp.session.RequestOptions;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One caller's session with one server, from {@link Switchboard#openSession}: what an upstream
 * session of the gateway holds for each server it uses. What it is downstream depends on the
 * server's session mode: for a {@code per-session} server, a connection of its own (for a stdio
 * server, a process of its own), closed with this handle; for a {@code per-identity} server, the
 * caller's pooled sessions; for a {@code shared} server, the one shared session. Every request
 * passes through the server's circuit breaker, bulkhead and timeout.
 *
 * <p>Thread-safe: many requests may be in flight at once. Close it when the caller's session ends;
 * closing is idempotent and bounded in time.
 */
public interface ServerSession extends AutoCloseable {

    /** The server's name. */
    String server();

    /**
     * Calls a tool and waits for its result (which may carry {@code isError: true}: the tool's own
     * failure).
     *
     * @param tool the tool's own name on the server
     * @param arguments the arguments, or {@code null} for none
     * @return the {@code tools/call} result as the server sent it
     * @throws dev.switchboard.core.lifecycle.ServerConnectException when the server cannot be
     *     reached, with the phase; also when this session is closed
     * @throws dev.switchboard.core.resilience.CallRejectedException when the breaker is open or the
     *     bulkhead is full
     * @throws dev.switchboard.mcp.jsonrpc.JsonRpcException the server's own error answer, or a
     *     {@link dev.switchboard.mcp.session.McpTimeoutException} when it did not answer in time
     */
    JsonNode callTool(String tool, @Nullable JsonNode arguments);

    /**
     * Sends any request, such as {@code tools/call}, {@code resources/read} or {@code prompts/get},
     * and completes with its result. Never throws; the future fails with the exceptions {@link
     * #callTool} throws.
     *
     * @param method the MCP method
     * @param params the params, or {@code null}
     * @param options the timeout (capped at the server's configured call timeout), progress
     *     listener and related request
     */
    CompletableFuture<JsonNode> request(String method, @Nullable JsonNode params, RequestOptions options);

    /**
     * Sends a notification, such as {@code notifications/roots/list_changed}, to the server over
     * this session's own connection. Only a {@code per-session} server has one: for the others,
     * whose connection other callers share, nothing is sent. Never throws.
     *
     * @return whether the notification was sent
     */
    default boolean notifyOwnConnection(String method, @Nullable JsonNode params) {
        return false;
    }

    /**
     * The process id of this session's own stdio process, for a {@code per-session} stdio server;
     * empty otherwise.
     */
    OptionalLong processId();

    /** Whether the session can still take requests. */
    boolean isOpen();

    /**
     * Closes the session: for a {@code per-session} server, its connection closes (its process is
     * stopped) within the server's close timeout. Requests in flight fail. Idempotent; never
     * throws.
     */
    @Override
    void close();
}
