/**
 * Switchboard's MCP protocol layer. {@link dev.switchboard.mcp.McpRuntime} holds the threads and the
 * HTTP client that sessions and transports share.
 */
@NullMarked
package dev.switchboard.mcp;

import org.jspecify.annotations.NullMarked;
