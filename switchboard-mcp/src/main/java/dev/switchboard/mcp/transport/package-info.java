/**
 * The contract between a session and the wire: a {@link dev.switchboard.mcp.transport.Transport}
 * moves whole JSON-RPC messages in both directions, and nothing else.
 */
@NullMarked
package dev.switchboard.mcp.transport;

import org.jspecify.annotations.NullMarked;
