package dev.switchboard.mcp.server.http;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.server.ServerSessionFactory;
import dev.switchboard.mcp.session.IncomingRequest;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The MCP Streamable HTTP server transport (protocol revisions 2025-03-26, 2025-06-18, 2025-11-25) as
 * a Jetty handler for one endpoint path; mount it where the endpoint lives (every request it gets is
 * treated as a request to the endpoint).
 *
 * <ul>
 *   <li>POST carries one message (or, in revisions that have them, a batch). {@code initialize}
 *       without {@code Mcp-Session-Id} opens a session: a new {@link
 *       dev.switchboard.mcp.session.McpSession} whose handler the {@link ServerSessionFactory} makes;
 *       the answer carries the new id. Notifications and responses get 202; requests get their
 *       responses as JSON, or as an SSE stream when related messages (progress, logs, server-to-client
 *       requests) come first.
 *   <li>GET opens the session's stream for messages unrelated to any request (at most one; 409
 *       otherwise); {@code Last-Event-ID} resumes a stream and replays what was missed.
 *   <li>DELETE closes the session.
 * </ul>
 *
 * <p>Requests with a {@code Host} or {@code Origin} that is not allowed get 403; without a session id
 * 400; with an unknown or expired one 404; bodies over the limit 413; {@code initialize} beyond the
 * session cap 503. Idle sessions are closed by a sweep on the runtime's timer while the handler runs.
 *
 * <p>The handler blocks the thread of each request while it streams: run it on virtual threads (as
 * {@link McpHttpServer} does). Thread-safe.
 */
public final class StreamableHttpHandler extends Handler.Abstract {
    private final StreamableContext ctx;
    private final StreamablePost post;
    private final StreamableGet get;

    /**
     * A handler that opens sessions with {@code factory}.
     *
     * @param factory makes the handler of each client session
     * @param runtime the threads, timer and codec the sessions use; not closed by this handler
     * @param options limits and checks
     */
    public StreamableHttpHandler(ServerSessionFactory factory, McpRuntime runtime, HttpServerTransportOptions options) {
        super(InvocationType.BLOCKING);
        HttpReplies replies = new HttpReplies(runtime.codec());
        this.ctx = new StreamableContext(
                factory,
                runtime,
                options,
                new SessionRegistry<>(options, runtime, "Streamable HTTP"),
                new RequestGuard(options),
                replies,
                new PostBodyReader(options.maxRequestBodyBytes(), runtime.codec(), replies));
        this.post = new StreamablePost(ctx);
        this.get = new StreamableGet(ctx);
    }

    /**
     * Ends the HTTP connection that carries the answer to {@code request} without ending the answer
     * (SSE polling, protocol 2025-11-25): the client reconnects with {@code Last-Event-ID} and gets the
     * rest, such as the response, on that GET. For servers that want to free connections during long
     * calls, and for the conformance suite's {@code test_reconnection} tool.
     *
     * @return false, doing nothing, when the request did not arrive over this transport, was already
     *     answered, its client takes JSON only, or the session's protocol revision is older than
     *     2025-11-25 (whose clients cannot resume)
     */
    public static boolean closeSseStream(IncomingRequest request) {
        return request.session().transport() instanceof StreamableSession session
                && session.closeConnectionOf(request.id());
    }

    /** The number of open sessions. */
    public int sessionCount() {
        return ctx.sessions().size();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String forbidden = ctx.guard().forbidden(request);
        if (forbidden != null) {
            ctx.replies().error(response, callback, 403, forbidden);
            return true;
        }
        switch (request.getMethod()) {
            case "POST" -> post.handle(request, response, callback);
            case "GET" -> get.handle(request, response, callback);
            case "DELETE" -> get.delete(request, response, callback);
            default -> {
                response.getHeaders().put(HttpHeader.ALLOW, "GET, POST, DELETE");
                ctx.replies()
                        .error(
                                response,
                                callback,
                                405,
                                "Method not allowed: " + request.getMethod() + " (expected: GET, POST or DELETE)");
            }
        }
        return true;
    }

    @Override
    protected void doStart() throws Exception {
        ctx.sessions().start();
        super.doStart();
    }

    /** Closes every session. */
    @Override
    protected void doStop() throws Exception {
        for (StreamableSession session : ctx.sessions().stop()) {
            session.expire();
        }
        super.doStop();
    }
}
