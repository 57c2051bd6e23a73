/**
 * Interoperability tests with independent MCP implementations: the official MCP Java SDK (as a
 * server our client talks to, and as a client of our demo server) and the official TypeScript SDK
 * (as a client of our demo server, through {@code interop/ts-client.mjs}).
 */
@NullMarked
package dev.switchboard.mcp.interop;

import org.jspecify.annotations.NullMarked;
