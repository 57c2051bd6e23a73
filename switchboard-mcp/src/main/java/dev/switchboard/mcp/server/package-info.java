/**
 * The server side of MCP: {@link dev.switchboard.mcp.server.ServerSessionFactory} is what a server
 * transport calls for each new client session, and {@link dev.switchboard.mcp.server.McpServer} a
 * method-dispatching implementation with initialize negotiation.
 */
@NullMarked
package dev.switchboard.mcp.server;

import org.jspecify.annotations.NullMarked;
