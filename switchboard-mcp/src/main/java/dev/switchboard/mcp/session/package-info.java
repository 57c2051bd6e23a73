/**
 * An MCP session over any transport: correlation of requests and responses, many requests in
 * flight, a timeout per request, cancellation both ways, progress routing, ping.
 */
@NullMarked
package dev.switchboard.mcp.session;

import org.jspecify.annotations.NullMarked;
