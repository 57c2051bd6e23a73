/** Test utilities shared by the protocol layer's tests: an in-memory transport pair, a recording client handler, the npm fixtures. */
@NullMarked
package dev.switchboard.mcp.testing;

import org.jspecify.annotations.NullMarked;
