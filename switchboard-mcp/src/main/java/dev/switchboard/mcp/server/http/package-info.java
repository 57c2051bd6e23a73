/**
 * MCP server transports over HTTP on Jetty's core API: {@link
 * dev.switchboard.mcp.server.http.StreamableHttpHandler} (Streamable HTTP, protocol 2025-03-26 and
 * later), {@link dev.switchboard.mcp.server.http.LegacySseHandler} (the HTTP+SSE transport of
 * 2024-11-05) and {@link dev.switchboard.mcp.server.http.McpHttpServer}, a Jetty server that mounts
 * both. Handlers block while they stream, so they expect to run on virtual threads.
 */
@NullMarked
package dev.switchboard.mcp.server.http;

import org.jspecify.annotations.NullMarked;
