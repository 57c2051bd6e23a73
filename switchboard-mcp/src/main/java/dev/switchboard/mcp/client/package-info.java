/**
 * The client side of MCP: {@link dev.switchboard.mcp.client.McpClient} opens a session over any
 * client transport and performs the initialize handshake.
 */
@NullMarked
package dev.switchboard.mcp.client;

import org.jspecify.annotations.NullMarked;
