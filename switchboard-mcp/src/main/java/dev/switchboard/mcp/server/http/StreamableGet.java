package dev.switchboard.mcp.server.http;

import dev.switchboard.mcp.protocol.ProtocolVersion;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET on a Streamable HTTP endpoint: opens the session's standalone SSE stream (at most one at a time),
 * or, with {@code Last-Event-ID}, resumes the stream that event belonged to, replaying what the client
 * missed; and DELETE, which ends a session.
 */
final class StreamableGet {
    private static final Logger log = LoggerFactory.getLogger(StreamableGet.class);

    private final StreamableContext ctx;

    StreamableGet(StreamableContext ctx) {
        this.ctx = ctx;
    }

    void handle(Request request, Response response, Callback callback) {
        AcceptHeader accept = AcceptHeader.parse(request.getHeaders().getValuesList(HttpHeader.ACCEPT));
        if (!accept.eventStream()) {
            ctx.replies()
                    .error(
                            response,
                            callback,
                            406,
                            "Not acceptable: Accept: " + request.getHeaders().get(HttpHeader.ACCEPT)
                                    + " (expected: text/event-stream)");
            return;
        }
        StreamableSession session = session(request, response, callback);
        if (session == null) {
            return;
        }
        session.begin();
        try {
            stream(session, request, response, callback);
        } finally {
            session.end();
        }
    }

    void delete(Request request, Response response, Callback callback) {
        StreamableSession session = session(request, response, callback);
        if (session != null) {
            session.expire();
            ctx.replies().status(response, callback, 200);
        }
    }

    /** The request's session, or {@code null} after answering 400 or 404. */
    private @Nullable StreamableSession session(Request request, Response response, Callback callback) {
        String id = request.getHeaders().get(McpHeaders.SESSION_ID);
        if (id == null) {
            ctx.replies()
                    .error(
                            response,
                            callback,
                            400,
                            "Bad request: Mcp-Session-Id header is missing"
                                    + " (expected: the id the initialize response carried)");
            return null;
        }
        String version = request.getHeaders().get(McpHeaders.PROTOCOL_VERSION);
        if (version != null && ProtocolVersion.parse(version).isEmpty()) {
            ctx.replies().error(response, callback, 400, StreamablePost.unsupportedVersion(version));
            return null;
        }
        StreamableSession session = ctx.sessions().get(id, request);
        if (session == null) {
            ctx.replies().sessionNotFound(response, callback, "send initialize to start a new one");
        }
        return session;
    }

    private void stream(StreamableSession session, Request request, Response response, Callback callback) {
        Cursor cursor = Cursor.parse(request.getHeaders().get(McpHeaders.LAST_EVENT_ID));
        EventStream resumed = cursor == null ? null : session.stream(cursor.stream());
        EventStream stream = resumed != null ? resumed : session.standalone();
        // Resuming takes the stream over from a writer that may not have noticed its client left.
        long gen =
                resumed != null ? stream.attach(Objects.requireNonNull(cursor).seq()) : stream.attachIfFree();
        if (gen < 0) {
            ctx.replies()
                    .error(
                            response,
                            callback,
                            409,
                            "Conflict: the session's GET stream is already open"
                                    + " (expected: at most one; reconnect with Last-Event-ID to take it over)");
            return;
        }
        request.addIdleTimeoutListener(timeout -> false);
        response.getHeaders().put(McpHeaders.SESSION_ID, session.id());
        SseWriter sse = new SseWriter(response, ctx.codec(), ctx.options().writeTimeout(), true);
        try {
            sse.open();
            if (session.protocolVersion().compareTo(ProtocolVersion.V2025_11_25) >= 0) {
                sse.priming(stream.cursor());
            }
        } catch (IOException | TimeoutException e) {
            stream.detach(gen);
            callback.failed(e);
            return;
        }
        switch (sse.drain(stream, gen, ctx.options().keepAliveInterval())) {
            case COMPLETED -> {
                session.untrack(stream);
                callback.succeeded();
            }
            case CLOSED, REPLACED -> callback.succeeded();
            case DISCONNECTED -> {
                log.debug("{}: GET stream {} disconnected", session.describe(), stream.number());
                callback.failed(Objects.requireNonNull(sse.failure()));
            }
        }
    }

    /** A parsed {@code Last-Event-ID}: {@code <stream>-<seq>}. */
    record Cursor(int stream, long seq) {
        static @Nullable Cursor parse(@Nullable String header) {
            if (header == null) {
                return null;
            }
            int dash = header.indexOf('-');
            if (dash <= 0) {
                return null;
            }
            try {
                return new Cursor(
                        Integer.parseInt(header.substring(0, dash).trim()),
                        Long.parseLong(header.substring(dash + 1).trim()));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
