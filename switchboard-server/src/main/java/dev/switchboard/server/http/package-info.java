/**
 * The gateway's HTTP server: {@link dev.switchboard.server.http.GatewayServer} (Jetty core on
 * virtual threads) serving the routes of a {@link dev.switchboard.server.http.RouteTable}, where the
 * MCP views, the admin API, the probes and the metrics register their handlers by path, each with
 * an {@link dev.switchboard.server.http.Access} that decides the checks in front of it (body size,
 * Host/Origin, authentication, admin role). Errors are JSON with a stable {@link
 * dev.switchboard.server.http.ErrorCode}; {@link dev.switchboard.server.http.ApiErrors} is the one
 * place where the engine's exceptions become HTTP errors.
 */
@NullMarked
package dev.switchboard.server.http;

import org.jspecify.annotations.NullMarked;
