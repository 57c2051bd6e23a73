/** The stdio server transport: one client session over standard input and output. */
@NullMarked
package dev.switchboard.mcp.server.stdio;

import org.jspecify.annotations.NullMarked;
