/**
 * Connecting to the configured MCP servers and keeping those connections alive.
 *
 * <p>{@link dev.switchboard.core.lifecycle.ServerRegistry} holds one {@link
 * dev.switchboard.core.lifecycle.ServerSupervisor} per server. A supervisor connects through a
 * {@link dev.switchboard.core.lifecycle.ServerConnector} (lazily at first use, or at once for an
 * eager server), lists the server's tools, notices when the session drops, and reconnects with
 * exponential backoff and jitter; a crash loop backs off up to a ceiling and the backoff resets
 * only after sustained uptime. Each failure is classified by {@link
 * dev.switchboard.core.lifecycle.ErrorPhase}, and {@link dev.switchboard.core.lifecycle.ServerStatus}
 * shows everything an operator needs. One failing server never affects another.
 */
@NullMarked
package dev.switchboard.core.lifecycle;

import org.jspecify.annotations.NullMarked;
