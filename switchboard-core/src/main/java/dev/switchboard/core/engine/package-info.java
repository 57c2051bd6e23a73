/**
 * The engine behind {@link dev.switchboard.core.Switchboard}: it composes configuration,
 * supervision ({@code lifecycle}), session pools ({@code pool}) and resilience into one service.
 *
 * <p>{@link dev.switchboard.core.engine.Engine} holds one immutable snapshot (the configuration,
 * one endpoint per server, the compiled access policy) and swaps it atomically on reload; readers
 * never lock. A request of a principal passes the policy before anything is sent; the embedding
 * application's own requests are trusted. A server's endpoint sends every request through the server's guard (breaker, bulkhead,
 * timeout) and reaches the server according to its session mode: the supervisor's shared
 * connection ({@code shared}), a session pool keyed by caller identity ({@code per-identity}), or a
 * connection owned by one session handle ({@code per-session}). Discovery of what a server offers
 * always goes through the shared connection, into the gateway's {@link
 * dev.switchboard.core.catalog.LiveCatalog}. Hot reload diffs the old and new configuration,
 * keeps unchanged servers untouched, and drains then closes removed and replaced endpoints off
 * the caller's thread.
 *
 * <p>Meters (names in {@code EngineMeters}; the servers' own meters come from {@code
 * resilience} and {@code pool}):
 *
 * <ul>
 *   <li>{@code switchboard.engine.reloads} (counter, tag {@code outcome}: {@code applied} or {@code
 *       rejected}): reloads, registrations and unregistrations
 * </ul>
 *
 * <p>Everything here but {@link dev.switchboard.core.engine.Engine} and {@link
 * dev.switchboard.core.engine.EngineSetup} is package-private; applications use the facade.
 */
@NullMarked
package dev.switchboard.core.engine;

import org.jspecify.annotations.NullMarked;
