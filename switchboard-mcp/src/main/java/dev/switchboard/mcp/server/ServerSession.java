package dev.switchboard.mcp.server;

import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import dev.switchboard.mcp.jsonrpc.JsonRpcNotification;
import dev.switchboard.mcp.jsonrpc.RequestId;
import dev.switchboard.mcp.protocol.McpMethods;
import dev.switchboard.mcp.protocol.ProtocolVersion;
import dev.switchboard.mcp.session.IncomingHandler;
import dev.switchboard.mcp.session.IncomingRequest;
import dev.switchboard.mcp.session.McpSession;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One client's session with an {@link McpServer}: what the client declared at initialize, the
 * revision agreed on, and attributes the server's handlers keep per session. Thread-safe.
 */
public final class ServerSession implements IncomingHandler {
    private final McpServer server;
    private final McpSession session;
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private volatile @Nullable ProtocolVersion protocolVersion;
    private volatile JsonNode clientCapabilities;
    private volatile JsonNode clientInfo;
    private volatile boolean initialized;

    ServerSession(McpServer server, McpSession session) {
        this.server = server;
        this.session = session;
        this.clientCapabilities = session.codec().object();
        this.clientInfo = session.codec().object();
    }

    /** The underlying session, to send notifications and requests to the client. */
    public McpSession session() {
        return session;
    }

    /** The revision agreed on at initialize, or {@code null} before it. */
    public @Nullable ProtocolVersion protocolVersion() {
        return protocolVersion;
    }

    /** The client's {@code capabilities} from initialize (empty before it). */
    public JsonNode clientCapabilities() {
        return clientCapabilities;
    }

    /** The client's {@code clientInfo} from initialize (empty before it). */
    public JsonNode clientInfo() {
        return clientInfo;
    }

    /** Whether the client sent {@code notifications/initialized}. */
    public boolean isInitialized() {
        return initialized;
    }

    /** Per-session attributes for the server's handlers. */
    public Map<String, Object> attributes() {
        return attributes;
    }

    /** Sends a notification to the client that is not tied to a request. */
    public void notifyClient(String method, @Nullable JsonNode params) {
        session.notify(method, params);
    }

    @Override
    public CompletionStage<JsonNode> onRequest(IncomingRequest request) {
        try {
            if (McpMethods.INITIALIZE.equals(request.method())) {
                return CompletableFuture.completedFuture(initialize(request.paramsObject()));
            }
            MethodHandler handler = server.handler(request.method());
            if (handler == null) {
                throw new JsonRpcException(JsonRpcError.METHOD_NOT_FOUND, "Method not found: " + request.method());
            }
            return CompletableFuture.completedFuture(handler.handle(new ServerRequest(this, request)));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return CompletableFuture.failedFuture(e);
        }
    }

    private ObjectNode initialize(ObjectNode params) {
        String requested = params.path("protocolVersion").asString(null);
        ProtocolVersion version = ProtocolVersion.negotiate(requested, server.supportedVersions());
        protocolVersion = version;
        clientCapabilities = params.path("capabilities");
        clientInfo = params.path("clientInfo");
        ObjectNode result = session.codec().object();
        result.put("protocolVersion", version.wire());
        result.set("capabilities", server.capabilities());
        ObjectNode info = result.putObject("serverInfo");
        info.put("name", server.name());
        info.put("version", server.version());
        if (server.instructions() != null) {
            result.put("instructions", server.instructions());
        }
        return result;
    }

    @Override
    public void onNotification(JsonRpcNotification notification, @Nullable RequestId related) {
        if (McpMethods.INITIALIZED.equals(notification.method())) {
            initialized = true;
        }
        server.notificationListener().onNotification(this, notification);
    }

    @Override
    public void onClose(@Nullable Throwable cause) {
        server.closeListener().accept(this);
    }
}
