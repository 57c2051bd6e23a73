/**
 * JSON-RPC 2.0 messages as MCP uses them: an envelope parsed once, whose payload ({@code params},
 * {@code result}, {@code error.data}) stays a JSON tree so that a relayed message keeps every field
 * it came with.
 */
@NullMarked
package dev.switchboard.mcp.jsonrpc;

import org.jspecify.annotations.NullMarked;
