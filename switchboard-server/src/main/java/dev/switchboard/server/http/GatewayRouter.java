package dev.switchboard.server.http;

import dev.switchboard.mcp.server.SessionContext;
import dev.switchboard.mcp.server.http.RequestGuard;
import dev.switchboard.server.auth.AuthResult;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The gateway's one handler: finds the route of each request and runs, in order, the body size
 * check (413), the {@code Host}/{@code Origin} check of MCP routes (403), authentication (401, except
 * on public routes) and the admin role check (403), then the route's handler. Errors are JSON: an
 * {@link ApiError} body, or a JSON-RPC error response on MCP routes.
 */
final class GatewayRouter extends Handler.AbstractContainer {
    private final RouteTable routes;
    private final int maxBodyBytes;
    private final RequestGuard guard;
    private final AuthStep auth;
    private final JsonReplies replies;
    private final InFlightRequests inFlight;

    GatewayRouter(
            RouteTable routes,
            GatewayServerOptions options,
            AuthStep auth,
            JsonReplies replies,
            InFlightRequests inFlight) {
        super(false);
        this.routes = routes;
        this.maxBodyBytes = options.maxRequestBodyBytes();
        this.guard = new RequestGuard(options.allowedHosts(), options.allowedOrigins());
        this.auth = auth;
        this.replies = replies;
        this.inFlight = inFlight;
        for (Handler handler : routes.handlers()) {
            addBean(handler);
        }
    }

    @Override
    public List<Handler> getHandlers() {
        return routes.handlers();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        RouteTable.Route route = routes.find(path);
        if (route == null) {
            replies.error(response, callback, notFound(path));
            return true;
        }
        Access access = route.access();
        if (request.getLength() > maxBodyBytes) {
            // the body stays unread, so the connection cannot carry another request: say so, or a
            // client that reuses it gets an empty answer to its next request
            response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE);
            fail(
                    response,
                    callback,
                    access,
                    ApiError.of(ErrorCode.PAYLOAD_TOO_LARGE, RequestBodies.tooLarge(maxBodyBytes)));
            return true;
        }
        if (access == Access.MCP) {
            String forbidden = guard.forbidden(request);
            if (forbidden != null) {
                fail(response, callback, access, ApiError.of(ErrorCode.FORBIDDEN, forbidden));
                return true;
            }
        }
        if (access != Access.PUBLIC && !admit(request, response, callback, access)) {
            return true;
        }
        // GET on an MCP route opens a stream that lasts as long as its session: not a request to wait for.
        if (access == Access.MCP && request.getMethod().equals("GET")) {
            if (!route.handler().handle(request, response, callback)) {
                replies.error(response, callback, notFound(path));
            }
            return true;
        }
        InFlightRequests.Tracked tracked = inFlight.begin(callback);
        try {
            if (!route.handler().handle(request, response, tracked)) {
                replies.error(response, tracked, notFound(path));
            }
            return true;
        } catch (Throwable t) {
            tracked.abandon();
            throw t;
        }
    }

    /** Authenticates and checks the role; answers and returns false when the request may not go on. */
    private boolean admit(Request request, Response response, Callback callback, Access access) {
        AuthResult result = auth.check(request, access == Access.ADMIN);
        switch (result) {
            case AuthResult.Rejected rejected -> {
                response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, rejected.wwwAuthenticate());
                ErrorCode code = rejected.status() == 403 ? ErrorCode.FORBIDDEN : ErrorCode.UNAUTHORIZED;
                fail(response, callback, access, ApiError.of(code, rejected.reason()));
                return false;
            }
            case AuthResult.Authenticated authenticated -> {
                request.setAttribute(GatewayRequests.PRINCIPAL_ATTRIBUTE, authenticated.principal());
                request.setAttribute(SessionContext.OWNER_ATTRIBUTE, authenticated.principal());
                return true;
            }
            case AuthResult.Anonymous anonymous -> {
                request.setAttribute(GatewayRequests.PRINCIPAL_ATTRIBUTE, anonymous.principal());
                return true;
            }
        }
    }

    private void fail(Response response, Callback callback, Access access, ApiError error) {
        if (access == Access.MCP) {
            replies.jsonRpcError(response, callback, error.status(), error.message());
        } else {
            replies.error(response, callback, error);
        }
    }

    private static ApiError notFound(String path) {
        return ApiError.of(ErrorCode.NOT_FOUND, "path: " + path + " (expected: a route of this gateway)");
    }
}
