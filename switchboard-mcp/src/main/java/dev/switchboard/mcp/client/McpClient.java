package dev.switchboard.mcp.client;

import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import dev.switchboard.mcp.protocol.McpMethods;
import dev.switchboard.mcp.protocol.ProtocolVersion;
import dev.switchboard.mcp.session.IncomingHandler;
import dev.switchboard.mcp.session.IncomingRequest;
import dev.switchboard.mcp.session.McpSession;
import dev.switchboard.mcp.session.RequestOptions;
import dev.switchboard.mcp.transport.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An initialized MCP client session: what {@link #connect} returns after the handshake, with
 * blocking conveniences for the common requests and {@link #session()} for everything else.
 * Thread-safe.
 */
public final class McpClient implements AutoCloseable {
    /** The most pages {@link #listAll} reads before it stops. */
    public static final int DEFAULT_PAGE_CAP = 100;

    private final McpSession session;
    private final ProtocolVersion protocolVersion;
    private final JsonNode initializeResult;

    private McpClient(McpSession session, ProtocolVersion protocolVersion, JsonNode initializeResult) {
        this.session = session;
        this.protocolVersion = protocolVersion;
        this.initializeResult = initializeResult;
    }

    /**
     * Starts {@code transport}, sends {@code initialize}, checks the revision the server chose, and
     * sends {@code notifications/initialized}.
     *
     * @throws dev.switchboard.mcp.transport.TransportException when the transport fails
     * @throws JsonRpcException when the server answers with an error, speaks a revision the client
     *     does not accept, or does not answer in time; the transport is closed in every failure
     */
    public static McpClient connect(Transport transport, ClientOptions options) {
        McpSession session = new McpSession(transport, options.session());
        try {
            session.start(new ServerRequests(options.serverRequests()));
            JsonNode result = await(session.request(
                    McpMethods.INITIALIZE,
                    initializeParams(session, options),
                    RequestOptions.defaults().withTimeout(options.initializeTimeout())));
            String answered = result.path("protocolVersion").asString("");
            ProtocolVersion version = ProtocolVersion.parse(answered)
                    .filter(options.acceptedVersions()::contains)
                    .orElseThrow(() -> new JsonRpcException(
                            JsonRpcError.INVALID_REQUEST,
                            "server " + transport.describe() + " answered protocolVersion \"" + answered
                                    + "\" (expected: one of " + options.acceptedVersions() + ")"));
            session.notify(McpMethods.INITIALIZED, null);
            return new McpClient(session, version, result);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private static ObjectNode initializeParams(McpSession session, ClientOptions options) {
        ObjectNode params = session.codec().object();
        params.put("protocolVersion", options.protocolVersion().wire());
        ObjectNode caps = options.capabilities();
        params.set("capabilities", caps == null ? session.codec().object() : caps);
        ObjectNode info = params.putObject("clientInfo");
        info.put("name", options.clientName());
        info.put("version", options.clientVersion());
        return params;
    }

    /** The revision agreed on. */
    public ProtocolVersion protocolVersion() {
        return protocolVersion;
    }

    /** The whole {@code initialize} result as the server sent it. */
    public JsonNode initializeResult() {
        return initializeResult;
    }

    /** The server's {@code serverInfo}. */
    public JsonNode serverInfo() {
        return initializeResult.path("serverInfo");
    }

    /** The server's {@code capabilities}. */
    public JsonNode serverCapabilities() {
        return initializeResult.path("capabilities");
    }

    /** The server's {@code instructions}, or {@code null}. */
    public @Nullable String instructions() {
        JsonNode i = initializeResult.get("instructions");
        return i == null || !i.isString() ? null : i.asString();
    }

    /** The session, for any request or notification. */
    public McpSession session() {
        return session;
    }

    /** Sends a request and waits for its result, within the session's default timeout. */
    public JsonNode request(String method, @Nullable JsonNode params) {
        return await(session.request(method, params));
    }

    /** One page of {@code tools/list}; {@code cursor} null for the first. */
    public JsonNode listTools(@Nullable String cursor) {
        return request(McpMethods.TOOLS_LIST, cursorParams(cursor));
    }

    /** Every tool, reading at most {@link #DEFAULT_PAGE_CAP} pages. */
    public List<JsonNode> listAllTools() {
        return listAll(McpMethods.TOOLS_LIST, "tools", DEFAULT_PAGE_CAP);
    }

    /**
     * Every item of a paginated list method ({@code tools/list} → {@code tools}, {@code
     * resources/list} → {@code resources}, ...), following {@code nextCursor} for at most {@code
     * maxPages} pages.
     */
    public List<JsonNode> listAll(String method, String field, int maxPages) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < maxPages; page++) {
            JsonNode result = request(method, cursorParams(cursor));
            result.path(field).forEach(items::add);
            JsonNode next = result.get("nextCursor");
            if (next == null || !next.isString() || next.asString().isEmpty()) {
                break;
            }
            cursor = next.asString();
        }
        return items;
    }

    /** Calls a tool and waits for its result (which may have {@code isError}). */
    public JsonNode callTool(String name, @Nullable JsonNode arguments) {
        return await(callToolAsync(name, arguments, RequestOptions.defaults()));
    }

    /** Calls a tool. */
    public CompletableFuture<JsonNode> callToolAsync(
            String name, @Nullable JsonNode arguments, RequestOptions options) {
        ObjectNode params = session.codec().object();
        params.put("name", name);
        params.set("arguments", arguments == null ? session.codec().object() : arguments);
        return session.request(McpMethods.TOOLS_CALL, params, options);
    }

    /** Sends {@code ping} and waits for the answer. */
    public void ping() {
        request(McpMethods.PING, null);
    }

    /** Closes the session and its transport. */
    @Override
    public void close() {
        session.close();
    }

    private @Nullable ObjectNode cursorParams(@Nullable String cursor) {
        if (cursor == null) {
            return null;
        }
        ObjectNode params = session.codec().object();
        params.put("cursor", cursor);
        return params;
    }

    /**
     * Waits for a session future; the session's own timeout bounds it, the extra bound here only
     * guards against a future that can never complete.
     */
    static JsonNode await(CompletableFuture<JsonNode> future) {
        try {
            return future.get(1, TimeUnit.HOURS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new JsonRpcException(JsonRpcError.INTERNAL_ERROR, "interrupted while waiting for a response");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new JsonRpcException(JsonRpcError.INTERNAL_ERROR, String.valueOf(cause));
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new JsonRpcException(JsonRpcError.REQUEST_TIMEOUT, "no response within an hour");
        }
    }

    /** Routes server requests to the configured handler, or answers "method not found". */
    private record ServerRequests(@Nullable IncomingHandler delegate) implements IncomingHandler {
        @Override
        public CompletionStage<JsonNode> onRequest(IncomingRequest request) {
            if (delegate == null) {
                return CompletableFuture.failedFuture(
                        new JsonRpcException(JsonRpcError.METHOD_NOT_FOUND, "Method not found: " + request.method()));
            }
            return delegate.onRequest(request);
        }

        @Override
        public void onNotification(
                dev.switchboard.mcp.jsonrpc.JsonRpcNotification notification,
                dev.switchboard.mcp.jsonrpc.@Nullable RequestId related) {
            if (delegate != null) {
                delegate.onNotification(notification, related);
            }
        }

        @Override
        public void onClose(@Nullable Throwable cause) {
            if (delegate != null) {
                delegate.onClose(cause);
            }
        }
    }
}
