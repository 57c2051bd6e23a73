/**
 * Switchboard as a Java library: {@link dev.switchboard.core.Switchboard} connects to the MCP
 * servers of a configuration and lets an application list their tools and call them, with the
 * gateway's supervision, session modes, circuit breakers, access policy and hot reload. The
 * public types of this package are the facade and the small values it returns; the engine behind
 * it lives in {@code dev.switchboard.core.engine}.
 */
@NullMarked
package dev.switchboard.core;

import org.jspecify.annotations.NullMarked;
