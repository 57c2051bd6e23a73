/**
 * The WebSocket client transport: one JSON-RPC message per text frame, subprotocol {@code mcp}, on
 * the shared {@link java.net.http.HttpClient} of the {@link dev.switchboard.mcp.McpRuntime}.
 */
@NullMarked
package dev.switchboard.mcp.client.ws;

import org.jspecify.annotations.NullMarked;
