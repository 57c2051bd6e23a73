/** MCP protocol revisions, their negotiation, and the method names of the protocol. */
@NullMarked
package dev.switchboard.mcp.protocol;

import org.jspecify.annotations.NullMarked;
