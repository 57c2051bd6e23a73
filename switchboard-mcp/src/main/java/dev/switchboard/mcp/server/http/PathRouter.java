package dev.switchboard.mcp.server.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Sends each request to the handler registered for its exact path; other paths are not handled (Jetty
 * answers 404). Handlers are fixed before the server starts and share its lifecycle.
 */
final class PathRouter extends Handler.AbstractContainer {
    private final Map<String, Handler> routes = new LinkedHashMap<>();
    private final List<Handler> handlers = new ArrayList<>();

    PathRouter() {
        super(false);
    }

    /** Routes requests for exactly {@code path} (within the context) to {@code handler}. */
    void route(String path, Handler handler) {
        routes.put(path, handler);
        if (!handlers.contains(handler)) {
            handlers.add(handler);
            addBean(handler);
        }
    }

    @Override
    public List<Handler> getHandlers() {
        return List.copyOf(handlers);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Handler handler = routes.get(Request.getPathInContext(request));
        return handler != null && handler.handle(request, response, callback);
    }
}
