package dev.switchboard.server.mcp;

import dev.switchboard.core.ServerInfo;
import dev.switchboard.core.Switchboard;
import dev.switchboard.core.lifecycle.ServerState;
import dev.switchboard.core.policy.Principal;
import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.server.SessionContext;
import dev.switchboard.mcp.server.http.HttpServerTransportOptions;
import dev.switchboard.mcp.server.http.StreamableHttpHandler;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /mcp/servers/{name}}: each configured server passed through on Streamable HTTP under its
 * own names, one endpoint (with sessions of its own) per server, made at first use. A name that is
 * not a configured, enabled server the caller may see gets 404 with a JSON error, the same for
 * each of those cases. Thread-safe.
 */
final class ServersHandler extends Handler.Abstract {
    /** The path below which each server has its endpoint. */
    static final String PREFIX = "/mcp/servers/";

    private static final Logger log = LoggerFactory.getLogger(ServersHandler.class);

    private final Switchboard switchboard;
    private final Function<String, StreamableHttpHandler> endpoints;
    private final Map<String, StreamableHttpHandler> started = new ConcurrentHashMap<>();
    private final ReentrantLock creating = new ReentrantLock();

    ServersHandler(
            Switchboard switchboard,
            McpRuntime runtime,
            HttpServerTransportOptions options,
            Function<String, ViewFactory> factories) {
        super(InvocationType.BLOCKING);
        this.switchboard = switchboard;
        this.endpoints = name -> new StreamableHttpHandler(factories.apply(name), runtime, options);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        String name = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : "";
        Principal principal =
                request.getAttribute(SessionContext.OWNER_ATTRIBUTE) instanceof Principal p ? p : Principal.ANONYMOUS;
        if (!visible(name, principal)) {
            notFound(response, callback, name);
            return true;
        }
        return endpoint(name).handle(request, response, callback);
    }

    private boolean visible(String name, Principal principal) {
        if (name.isEmpty() || name.indexOf('/') >= 0) {
            return false;
        }
        Optional<ServerInfo> server = switchboard.server(name);
        return server.isPresent()
                && server.get().state() != ServerState.DISABLED
                && switchboard.policy().allowsServer(principal, name);
    }

    private StreamableHttpHandler endpoint(String name) throws Exception {
        StreamableHttpHandler existing = started.get(name);
        if (existing != null) {
            return existing;
        }
        // held while one handler is made and started: no I/O, a few microseconds
        creating.lock();
        try {
            StreamableHttpHandler again = started.get(name);
            if (again != null) {
                return again;
            }
            StreamableHttpHandler made = endpoints.apply(name);
            made.setServer(getServer());
            made.start();
            started.put(name, made);
            return made;
        } finally {
            creating.unlock();
        }
    }

    private static void notFound(Response response, Callback callback, String name) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("error")
                .put("code", "server_not_found")
                .put("message", "server: \"" + name + "\" (expected: the name of a server available to this caller)")
                .put("server", name);
        response.setStatus(404);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, StandardCharsets.UTF_8.encode(body.toString()), callback);
    }

    /** The number of servers whose endpoint was opened. */
    int endpoints() {
        return started.size();
    }

    /** Stops every server's endpoint, which closes its sessions. */
    @Override
    protected void doStop() throws Exception {
        for (StreamableHttpHandler handler : List.copyOf(started.values())) {
            try {
                handler.stop();
            } catch (Exception e) {
                log.warn("stopping the endpoint of {} failed", handler, e);
            }
        }
        started.clear();
        super.doStop();
    }
}
