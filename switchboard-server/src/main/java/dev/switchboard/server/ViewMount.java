package dev.switchboard.server;

import dev.switchboard.server.http.RouteTable;

/**
 * Registers upstream views (the MCP endpoints) on the gateway's routes before the server starts,
 * such as {@code routes.route("/mcp", Access.MCP, aggregateHandler)}. Handlers registered here share
 * the server's lifecycle (started and stopped with it) and find the caller with {@link
 * dev.switchboard.server.http.GatewayRequests#principal}.
 */
@FunctionalInterface
public interface ViewMount {
    /**
     * Registers this view's routes.
     *
     * @param context the engine, runtime, call log and server settings of the gateway
     * @param routes where to register
     */
    void mount(GatewayContext context, RouteTable routes);
}
