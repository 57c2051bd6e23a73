/**
 * The stdio client transport: an MCP server run as a child process, spoken to over its stdin and
 * stdout. {@link dev.switchboard.mcp.client.stdio.StdioServerParameters} says what to run and how to
 * stop it; {@link dev.switchboard.mcp.client.stdio.StdioClientTransport} runs it, reads its stdout
 * and stderr, and stops its whole process tree.
 */
@NullMarked
package dev.switchboard.mcp.client.stdio;

import org.jspecify.annotations.NullMarked;
