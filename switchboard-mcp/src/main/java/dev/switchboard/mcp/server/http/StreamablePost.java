package dev.switchboard.mcp.server.http;

import dev.switchboard.mcp.jsonrpc.Decoded;
import dev.switchboard.mcp.jsonrpc.DecodedPayload;
import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcMessage;
import dev.switchboard.mcp.jsonrpc.JsonRpcRequest;
import dev.switchboard.mcp.jsonrpc.JsonRpcResponse;
import dev.switchboard.mcp.jsonrpc.RequestId;
import dev.switchboard.mcp.protocol.McpMethods;
import dev.switchboard.mcp.protocol.ProtocolVersion;
import dev.switchboard.mcp.server.SessionContext;
import dev.switchboard.mcp.session.McpSession;
import dev.switchboard.mcp.session.SessionOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * POST on a Streamable HTTP endpoint: reads and checks the body, opens a session for {@code
 * initialize}, hands the messages to the session, and answers: 202 when there is no request, else
 * through a {@link PostExchange}.
 */
final class StreamablePost {
    private static final Logger log = LoggerFactory.getLogger(StreamablePost.class);

    private final StreamableContext ctx;

    StreamablePost(StreamableContext ctx) {
        this.ctx = ctx;
    }

    void handle(Request request, Response response, Callback callback) throws IOException {
        AcceptHeader accept = acceptable(request, response, callback);
        if (accept == null) {
            return;
        }
        DecodedPayload payload = ctx.bodies().read(request, response, callback);
        if (payload == null) {
            return;
        }
        String sessionId = request.getHeaders().get(McpHeaders.SESSION_ID);
        if (sessionId == null) {
            JsonRpcRequest init = initializeRequest(payload);
            if (init == null) {
                ctx.replies()
                        .error(
                                response,
                                callback,
                                400,
                                "Bad request: Mcp-Session-Id header is missing"
                                        + " (expected: on every request except initialize)");
            } else {
                initialize(init, accept, request, response, callback);
            }
            return;
        }
        StreamableSession session = ctx.sessions().get(sessionId, request);
        if (session == null) {
            ctx.replies().sessionNotFound(response, callback, "send initialize to start a new one");
            return;
        }
        session.begin();
        try {
            handleInSession(session, payload, accept, request, response, callback);
        } finally {
            session.end();
        }
    }

    /** What the client accepts, or {@code null} after answering 406 or 415. */
    private @Nullable AcceptHeader acceptable(Request request, Response response, Callback callback) {
        AcceptHeader accept = AcceptHeader.parse(request.getHeaders().getValuesList(HttpHeader.ACCEPT));
        if (!accept.json() && !accept.eventStream()) {
            ctx.replies()
                    .error(
                            response,
                            callback,
                            406,
                            "Not acceptable: Accept: "
                                    + request.getHeaders().get(HttpHeader.ACCEPT)
                                    + " (expected: application/json and text/event-stream)");
            return null;
        }
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (contentType != null && !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            ctx.replies()
                    .error(
                            response,
                            callback,
                            415,
                            "Unsupported media type: Content-Type: " + contentType + " (expected: application/json)");
            return null;
        }
        return accept;
    }

    private void handleInSession(
            StreamableSession session,
            DecodedPayload payload,
            AcceptHeader accept,
            Request request,
            Response response,
            Callback callback) {
        HttpReplies replies = ctx.replies();
        String versionHeader = request.getHeaders().get(McpHeaders.PROTOCOL_VERSION);
        ProtocolVersion version = session.protocolVersion();
        if (versionHeader != null) {
            version = ProtocolVersion.parse(versionHeader).orElse(null);
            if (version == null) {
                replies.error(response, callback, 400, unsupportedVersion(versionHeader));
                return;
            }
        }
        JsonRpcError invalid = invalidInSession(payload, version);
        if (invalid != null) {
            replies.error(response, callback, 400, null, invalid);
            return;
        }
        request.addIdleTimeoutListener(timeout -> false);
        dispatch(session, payload, accept, response, callback);
    }

    /** Why the payload cannot be handled on an initialized session, or {@code null}. */
    private static @Nullable JsonRpcError invalidInSession(DecodedPayload payload, ProtocolVersion version) {
        if (payload.batch() && !version.allowsBatches()) {
            return JsonRpcError.of(
                    JsonRpcError.INVALID_REQUEST,
                    "Invalid request: a JSON-RPC batch (expected: a single message; protocol version " + version
                            + " has no batches)");
        }
        if (containsInitialize(payload)) {
            return JsonRpcError.of(
                    JsonRpcError.INVALID_REQUEST,
                    "Invalid request: initialize on an initialized session"
                            + " (expected: initialize without an Mcp-Session-Id header)");
        }
        return null;
    }

    static String unsupportedVersion(String header) {
        List<String> supported = new ArrayList<>();
        for (ProtocolVersion v : ProtocolVersion.values()) {
            supported.add(v.wire());
        }
        return "Bad request: MCP-Protocol-Version: " + header + " (expected: one of " + supported + ")";
    }

    private void initialize(
            JsonRpcRequest init, AcceptHeader accept, Request request, Response response, Callback callback) {
        SessionRegistry<StreamableSession> sessions = ctx.sessions();
        if (!sessions.reserve()) {
            ctx.replies().error(response, callback, 503, sessions.capMessage());
            return;
        }
        String id = sessions.newId();
        JsonNode asked = init.params() == null ? null : init.params().get("protocolVersion");
        ProtocolVersion requested = ProtocolVersion.parse(asked == null || !asked.isString() ? null : asked.asString())
                .orElse(ProtocolVersion.HTTP_DEFAULT);
        Object owner = SessionRegistry.ownerOf(request);
        StreamableSession session =
                new StreamableSession(id, owner, requested, init.id(), ctx.options(), sessions::remove);
        McpSession mcp = new McpSession(session, SessionOptions.of(ctx.runtime(), "http-" + session.shortId()));
        session.bind(mcp);
        try {
            mcp.start(ctx.factory().open(mcp, new SessionContext(owner, "streamable-http")));
        } catch (RuntimeException e) {
            sessions.release();
            log.warn("{}: the session factory failed", session.describe(), e);
            ctx.replies()
                    .error(
                            response,
                            callback,
                            500,
                            null,
                            JsonRpcError.of(
                                    JsonRpcError.INTERNAL_ERROR,
                                    "Internal error: cannot open a session: " + e.getMessage()));
            return;
        }
        sessions.add(session);
        session.begin();
        try {
            dispatch(session, new DecodedPayload(false, List.of(new Decoded.Valid(init))), accept, response, callback);
        } finally {
            session.end();
        }
        if (session.initializeFailed()) {
            session.expire();
        }
    }

    private void dispatch(
            StreamableSession session,
            DecodedPayload payload,
            AcceptHeader accept,
            Response response,
            Callback callback) {
        List<JsonRpcMessage> valid = new ArrayList<>(payload.items().size());
        List<JsonRpcResponse> answered = new ArrayList<>(0);
        int requests = 0;
        for (Decoded d : payload.items()) {
            switch (d) {
                case Decoded.Valid v -> {
                    valid.add(v.message());
                    requests += v.message() instanceof JsonRpcRequest ? 1 : 0;
                }
                case Decoded.Invalid i
                when i.expectsAnswer() -> answered.add(JsonRpcResponse.failure(i.id(), i.error()));
                case Decoded.Invalid i ->
                    log.debug("{}: ignored an invalid message: {}", session.describe(), i.error());
            }
        }
        response.getHeaders().put(McpHeaders.SESSION_ID, session.id());
        if (requests == 0 && answered.isEmpty()) {
            valid.forEach(session::deliver);
            ctx.replies().status(response, callback, 202);
            return;
        }
        RequestId singleId = !payload.batch() && valid.get(0) instanceof JsonRpcRequest r ? r.id() : null;
        PostExchange exchange =
                new PostExchange(session, requests + answered.size(), payload.batch(), singleId, accept, ctx);
        List<JsonRpcMessage> deliverable = new ArrayList<>(valid.size());
        for (JsonRpcMessage m : valid) {
            if (m instanceof JsonRpcRequest r && !session.register(r.id(), exchange)) {
                answered.add(JsonRpcResponse.failure(
                        r.id(),
                        JsonRpcError.of(
                                JsonRpcError.INVALID_REQUEST,
                                "Invalid request: id " + r.id()
                                        + " (expected: an id not used by a request in flight)")));
            } else {
                deliverable.add(m);
            }
        }
        answered.forEach(exchange::offerResponse);
        deliverable.forEach(session::deliver);
        exchange.serve(response, callback);
    }

    private static @Nullable JsonRpcRequest initializeRequest(DecodedPayload payload) {
        if (!payload.batch()
                && payload.items().get(0) instanceof Decoded.Valid(JsonRpcRequest r)
                && McpMethods.INITIALIZE.equals(r.method())) {
            return r;
        }
        return null;
    }

    private static boolean containsInitialize(DecodedPayload payload) {
        for (Decoded d : payload.items()) {
            if (d instanceof Decoded.Valid(JsonRpcRequest r) && McpMethods.INITIALIZE.equals(r.method())) {
                return true;
            }
        }
        return false;
    }
}
