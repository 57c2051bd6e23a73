package dev.switchboard.mcp.server.http;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.jsonrpc.Decoded;
import dev.switchboard.mcp.jsonrpc.DecodedPayload;
import dev.switchboard.mcp.jsonrpc.JsonRpcResponse;
import dev.switchboard.mcp.server.ServerSessionFactory;
import dev.switchboard.mcp.server.SessionContext;
import dev.switchboard.mcp.session.McpSession;
import dev.switchboard.mcp.session.SessionOptions;
import dev.switchboard.mcp.transport.TransportException;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP+SSE server transport of protocol revision 2024-11-05, as a Jetty handler. Mount it on both
 * paths of the transport: a GET (on the SSE path, such as {@code /sse}) opens a session and its event
 * stream, whose first event, {@code endpoint}, names the message path with the session id ({@code
 * /message?sessionId=...}); a POST there delivers one message (or a batch) and gets 202, while every
 * answer travels on the stream. The session ends when its stream does.
 *
 * <p>Host and Origin checks, the body limit, the session cap and idle expiry work as in {@link
 * StreamableHttpHandler}. Blocks the thread of each GET while it streams: run it on virtual threads.
 * Thread-safe.
 */
public final class LegacySseHandler extends Handler.Abstract {
    private static final Logger log = LoggerFactory.getLogger(LegacySseHandler.class);

    private final ServerSessionFactory factory;
    private final McpRuntime runtime;
    private final HttpServerTransportOptions options;
    private final String messagePath;
    private final SessionRegistry<LegacySession> sessions;
    private final RequestGuard guard;
    private final HttpReplies replies;
    private final PostBodyReader bodies;

    /**
     * A handler that opens sessions with {@code factory}.
     *
     * @param factory makes the handler of each client session
     * @param runtime the threads, timer and codec the sessions use; not closed by this handler
     * @param options limits and checks ({@code responseMode} does not apply)
     * @param messagePath the path of the message endpoint within the context, such as {@code /message}
     */
    public LegacySseHandler(
            ServerSessionFactory factory, McpRuntime runtime, HttpServerTransportOptions options, String messagePath) {
        super(InvocationType.BLOCKING);
        if (!messagePath.startsWith("/")) {
            throw new IllegalArgumentException("messagePath: " + messagePath + " (expected: a path starting with /)");
        }
        this.factory = factory;
        this.runtime = runtime;
        this.options = options;
        this.messagePath = messagePath;
        this.sessions = new SessionRegistry<>(options, runtime, "HTTP+SSE");
        this.guard = new RequestGuard(options);
        this.replies = new HttpReplies(runtime.codec());
        this.bodies = new PostBodyReader(options.maxRequestBodyBytes(), runtime.codec(), replies);
    }

    /** The number of open sessions. */
    public int sessionCount() {
        return sessions.size();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String forbidden = guard.forbidden(request);
        if (forbidden != null) {
            replies.error(response, callback, 403, forbidden);
            return true;
        }
        switch (request.getMethod()) {
            case "GET" -> stream(request, response, callback);
            case "POST" -> post(request, response, callback);
            default -> {
                response.getHeaders().put(HttpHeader.ALLOW, "GET, POST");
                replies.error(
                        response,
                        callback,
                        405,
                        "Method not allowed: " + request.getMethod() + " (expected: GET or POST)");
            }
        }
        return true;
    }

    private void stream(Request request, Response response, Callback callback) {
        if (!AcceptHeader.parse(request.getHeaders().getValuesList(HttpHeader.ACCEPT))
                .eventStream()) {
            replies.error(
                    response,
                    callback,
                    406,
                    "Not acceptable: Accept: " + request.getHeaders().get(HttpHeader.ACCEPT)
                            + " (expected: text/event-stream)");
            return;
        }
        if (!sessions.reserve()) {
            replies.error(response, callback, 503, sessions.capMessage());
            return;
        }
        Object owner = SessionRegistry.ownerOf(request);
        LegacySession session = new LegacySession(sessions.newId(), owner, options, sessions::remove);
        McpSession mcp = new McpSession(
                session, SessionOptions.of(runtime, "sse-" + session.id().substring(0, 8)));
        session.bind(mcp);
        try {
            mcp.start(factory.open(mcp, new SessionContext(owner, "sse")));
        } catch (RuntimeException e) {
            sessions.release();
            log.warn("{}: the session factory failed", session.describe(), e);
            replies.error(response, callback, 500, "Internal error: cannot open a session: " + e.getMessage());
            return;
        }
        sessions.add(session);
        session.begin();
        try {
            serveStream(session, request, response, callback);
        } finally {
            session.end();
            mcp.close();
        }
    }

    private void serveStream(LegacySession session, Request request, Response response, Callback callback) {
        request.addIdleTimeoutListener(timeout -> false);
        long gen = session.stream().attach(null);
        SseWriter sse = new SseWriter(response, runtime.codec(), options.writeTimeout(), false);
        try {
            sse.open();
            sse.event("endpoint", contextPath(request) + messagePath + "?sessionId=" + session.id());
        } catch (IOException | TimeoutException e) {
            callback.failed(e);
            return;
        }
        SseWriter.Outcome outcome = sse.drain(session.stream(), gen, options.keepAliveInterval());
        if (outcome == SseWriter.Outcome.DISCONNECTED) {
            log.debug("{}: client closed the stream", session.describe());
            callback.failed(Objects.requireNonNull(sse.failure()));
        } else {
            callback.succeeded();
        }
    }

    private static String contextPath(Request request) {
        try {
            String path = Request.getContextPath(request);
            return path == null || path.equals("/") ? "" : path;
        } catch (RuntimeException e) {
            // Jetty 12.1's PathMappingsHandler fails here when no ContextHandler is above it: the root.
            return "";
        }
    }

    private void post(Request request, Response response, Callback callback) throws IOException {
        Fields query = Request.extractQueryParameters(request);
        String id = query.getValue("sessionId");
        if (id == null) {
            replies.error(
                    response,
                    callback,
                    400,
                    "Bad request: sessionId query parameter is missing" + " (expected: the URL of the endpoint event)");
            return;
        }
        LegacySession session = sessions.get(id, request);
        if (session == null) {
            replies.sessionNotFound(response, callback, "open a new SSE stream");
            return;
        }
        session.begin();
        try {
            deliver(session, request, response, callback);
        } finally {
            session.end();
        }
    }

    private void deliver(LegacySession session, Request request, Response response, Callback callback)
            throws IOException {
        DecodedPayload payload = bodies.read(request, response, callback);
        if (payload == null) {
            return;
        }
        for (Decoded d : payload.items()) {
            switch (d) {
                case Decoded.Valid v -> session.deliver(v.message());
                case Decoded.Invalid i
                when i.expectsAnswer() -> answer(session, JsonRpcResponse.failure(i.id(), i.error()));
                case Decoded.Invalid i ->
                    log.debug("{}: ignored an invalid message: {}", session.describe(), i.error());
            }
        }
        replies.status(response, callback, 202);
    }

    private static void answer(LegacySession session, JsonRpcResponse error) {
        try {
            session.send(error, null);
        } catch (TransportException e) {
            log.debug("{}: could not answer an invalid message: {}", session.describe(), e.getMessage());
        }
    }

    @Override
    protected void doStart() throws Exception {
        sessions.start();
        super.doStart();
    }

    /** Closes every session. */
    @Override
    protected void doStop() throws Exception {
        for (LegacySession session : sessions.stop()) {
            session.expire();
        }
        super.doStop();
    }
}
