package dev.switchboard.mcp.client.http;

import dev.switchboard.mcp.jsonrpc.JsonRpcRequest;
import dev.switchboard.mcp.jsonrpc.JsonRpcResponse;
import dev.switchboard.mcp.jsonrpc.RequestId;
import dev.switchboard.mcp.protocol.McpMethods;
import dev.switchboard.mcp.protocol.ProtocolVersion;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a Streamable HTTP client knows about its session on the server, learned by watching the
 * {@code initialize} exchange pass through: the session id, the negotiated revision, and the
 * initialize request, kept to replay it when the session expires. Thread-safe.
 */
final class RemoteSession {
    static final String SESSION_HEADER = "Mcp-Session-Id";
    static final String VERSION_HEADER = "MCP-Protocol-Version";

    /** The session id and revision sent with one request; replaced whole, never torn. */
    record State(@Nullable String sessionId, @Nullable String protocolVersion) {
        static final State NONE = new State(null, null);

        /** Adds the session and version headers to {@code builder}. */
        void applyTo(HttpRequest.Builder builder) {
            if (sessionId != null) {
                builder.header(SESSION_HEADER, sessionId);
            }
            if (protocolVersion != null && sendsVersionHeader(protocolVersion)) {
                builder.header(VERSION_HEADER, protocolVersion);
            }
        }

        /** This state with the session id of an initialize response, when it has one. */
        State withSessionFrom(HttpResponse<?> response) {
            return new State(response.headers().firstValue(SESSION_HEADER).orElse(sessionId), protocolVersion);
        }

        /** This state with the revision an initialize result names, when it names one. */
        State withVersionFrom(@Nullable JsonNode result) {
            JsonNode version = result == null ? null : result.get("protocolVersion");
            return version != null && version.isString() ? new State(sessionId, version.asString()) : this;
        }
    }

    private final AtomicReference<State> state = new AtomicReference<>(State.NONE);
    private volatile @Nullable JsonRpcRequest initialize;

    /** The current state. */
    State current() {
        return state.get();
    }

    /** Records an outgoing initialize request; the session starts over. */
    void recordInitialize(JsonRpcRequest request) {
        initialize = request;
        state.set(State.NONE);
    }

    /** The last initialize request sent by the client, or {@code null} before one. */
    @Nullable
    JsonRpcRequest initializeRequest() {
        return initialize;
    }

    /** Whether {@code id} is the id of the client's initialize request. */
    boolean isInitialize(RequestId id) {
        JsonRpcRequest init = initialize;
        return init != null && init.id().equals(id);
    }

    /** Takes the session id from the HTTP response to the client's initialize request. */
    void adoptSessionId(HttpResponse<?> response) {
        state.updateAndGet(s -> s.withSessionFrom(response));
    }

    /** Takes the revision from the response to the client's initialize request, when it is that. */
    void observe(JsonRpcResponse response) {
        RequestId id = response.id();
        if (id != null && isInitialize(id)) {
            state.updateAndGet(s -> s.withVersionFrom(response.result()));
        }
    }

    /** Replaces {@code expired} with {@code fresh}, unless another state replaced it already. */
    void replace(State expired, State fresh) {
        state.compareAndSet(expired, fresh);
    }

    /** Whether {@code state} no longer has the session id {@code expired} had. */
    boolean movedOn(State expired) {
        return !Objects.equals(state.get().sessionId(), expired.sessionId());
    }

    /** Whether an initialize request is being replayed or sent: {@code method} is initialize. */
    static boolean isInitialize(JsonRpcRequest request) {
        return McpMethods.INITIALIZE.equals(request.method());
    }

    /**
     * Whether the revision sends the version header: revisions from 2025-06-18 on, including ones
     * newer than this implementation knows (their wire names are dates and sort as such).
     */
    static boolean sendsVersionHeader(String version) {
        return ProtocolVersion.parse(version)
                .map(ProtocolVersion::sendsVersionHeader)
                .orElse(version.compareTo(ProtocolVersion.V2025_06_18.wire()) > 0);
    }
}
