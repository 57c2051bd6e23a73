/** Test utilities shared by the protocol layer's tests: in-memory and child-process transports. */
@NullMarked
package dev.switchboard.mcp.testing;

import org.jspecify.annotations.NullMarked;
