package dev.switchboard.server.mcp;

import dev.switchboard.core.policy.Principal;
import dev.switchboard.mcp.server.http.HttpServerTransportOptions;
import dev.switchboard.server.GatewayContext;
import dev.switchboard.server.ViewMount;
import dev.switchboard.server.http.Access;
import dev.switchboard.server.http.GatewayServerOptions;
import dev.switchboard.server.http.RouteTable;
import dev.switchboard.server.ops.CallLog;
import java.util.Map;
import org.eclipse.jetty.server.Handler;

/**
 * Mounts the MCP views on a {@link dev.switchboard.server.Gateway}: {@code /mcp}, {@code /sse} and
 * {@code /message} (the aggregate), {@code /mcp/meta} and {@code /mcp/servers/*}, each as configured
 * in {@code gateway.views}, behind the gateway's checks and authentication (the authenticated
 * principal owns each upstream session), with every relayed tool call in the gateway's call log.
 * Immutable; mount it on one gateway.
 */
public final class McpViewMount implements ViewMount {
    private final ViewSettings settings;

    /** Views with their default settings. */
    public McpViewMount() {
        this(ViewSettings.DEFAULTS);
    }

    McpViewMount(ViewSettings settings) {
        this.settings = settings;
    }

    @Override
    public void mount(GatewayContext context, RouteTable routes) {
        McpViews views = new McpViews(context.switchboard(), context.runtime(), settings, recorder(context.callLog()));
        Map<String, Handler> handlers = views.httpHandlers(
                transportOptions(context.serverOptions())
                        .withMaxSessions(
                                context.switchboard().config().gateway().http().maxSessions()),
                context.switchboard().config().gateway().views());
        handlers.forEach((pattern, handler) -> routes.route(pattern, Access.MCP, handler));
    }

    /** The MCP transports' limits and checks, the same as the gateway's own. */
    static HttpServerTransportOptions transportOptions(GatewayServerOptions server) {
        return HttpServerTransportOptions.defaults()
                .withMaxRequestBodyBytes(server.maxRequestBodyBytes())
                .withAllowedHosts(server.allowedHosts())
                .withAllowedOrigins(server.allowedOrigins());
    }

    /** Records each relayed tool call as one line of the gateway's call log. */
    static CallRecorder recorder(CallLog log) {
        return (server, tool, principal) -> {
            CallLog.Call call = log.start(server, tool, principal == Principal.ANONYMOUS ? null : principal.user());
            return (result, failure) -> {
                if (failure != null) {
                    call.failed(Errors.unwrap(failure));
                } else if (result != null) {
                    call.finish(result);
                } else {
                    call.failed(new IllegalStateException("no result"));
                }
            };
        };
    }

    @Override
    public String toString() {
        return "McpViewMount" + settings;
    }
}
