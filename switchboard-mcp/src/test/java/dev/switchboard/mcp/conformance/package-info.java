/**
 * The official MCP conformance suite, run against Switchboard: the server scenarios against the
 * demo server over Streamable HTTP, and the client scenarios with {@link
 * dev.switchboard.mcp.conformance.ConformanceClient} as the client under test.
 */
@NullMarked
package dev.switchboard.mcp.conformance;

import org.jspecify.annotations.NullMarked;
