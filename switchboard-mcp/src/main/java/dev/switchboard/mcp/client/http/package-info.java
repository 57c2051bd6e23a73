/**
 * Client transports over HTTP: {@link dev.switchboard.mcp.client.http.StreamableHttpClientTransport}
 * (MCP Streamable HTTP, revisions 2025-03-26 and later), {@link
 * dev.switchboard.mcp.client.http.SseClientTransport} (the legacy HTTP+SSE transport of revision
 * 2024-11-05), and {@link dev.switchboard.mcp.client.http.SseEventReader}, a bounded reader of
 * server-sent events. Every transport uses the one {@link java.net.http.HttpClient} of its {@link
 * dev.switchboard.mcp.McpRuntime}.
 */
@NullMarked
package dev.switchboard.mcp.client.http;

import org.jspecify.annotations.NullMarked;
