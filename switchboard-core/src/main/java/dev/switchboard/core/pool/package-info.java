/**
 * The per-identity session pool: the {@code per-identity} session mode of a server. {@link
 * dev.switchboard.core.pool.SessionPool} keeps initialized MCP client sessions per {@link
 * dev.switchboard.core.pool.PoolKey} (caller identity, server, transport) and lends them out as
 * {@link dev.switchboard.core.pool.SessionLease}s, so a caller reuses its own warm session instead
 * of connecting and initializing for every call, and different identities never share one.
 *
 * <p>The pool bounds the sessions of each key, the wait for one and the time to create one; closes
 * sessions older than their time to live; checks a session that sat idle with a chain of cheap
 * requests ({@code ping}, then {@code tools/list}, ...) before lending it; reaps expired sessions
 * and drops unused keys in the background; and reports its numbers through {@link
 * dev.switchboard.core.pool.PoolStats} and Micrometer. Sessions come from a {@link
 * dev.switchboard.core.pool.SessionFactory}, the seam where the server lifecycle builds transports
 * and where a circuit breaker can wrap creation.
 *
 * <p>Meters, when a registry is given, all tagged {@code server} (never an identity):
 *
 * <ul>
 *   <li>{@code switchboard.pool.hits}, {@code .misses} (counters): acquisitions served by an idle
 *       session, and by a new one
 *   <li>{@code switchboard.pool.evictions} (counter): sessions closed as unusable when lent or
 *       given back (closed downstream, expired, failed health check)
 *   <li>{@code switchboard.pool.health.check.failures}, {@code .keys.evicted}, {@code
 *       .sessions.reaped}, {@code .invalidations}, {@code .acquire.timeouts}, {@code
 *       .creation.failures} (counters)
 *   <li>{@code switchboard.pool.sessions} (gauge, tag {@code state}: {@code idle} or {@code
 *       active}), {@code .waiters}, {@code .keys}, {@code .max.per.key}, {@code .hit.rate} (gauges)
 * </ul>
 */
@NullMarked
package dev.switchboard.core.pool;

import org.jspecify.annotations.NullMarked;
