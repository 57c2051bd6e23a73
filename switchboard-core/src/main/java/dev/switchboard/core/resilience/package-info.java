/**
 * Per-server resilience: each downstream server gets one {@link
 * dev.switchboard.core.resilience.ServerGuard} that every call to it passes through, with a
 * circuit breaker (Resilience4j, count-based window), a concurrency bulkhead, a per-call timeout
 * and retries only where they are safe. {@link dev.switchboard.core.resilience.ResilienceRegistry}
 * holds the guards by server name, shows and resets their breakers, and publishes their metrics.
 *
 * <p>What counts against a server: transport failures, timeouts and {@code INTERNAL_ERROR}
 * answers. A tool result with {@code isError: true} is the tool's answer and a JSON-RPC error
 * such as {@code INVALID_PARAMS} is the caller's mistake: both show the server is working.
 * A call cancelled by its caller counts neither way.
 *
 * <p>Metrics, each tagged {@code server}:
 *
 * <ul>
 *   <li>{@code switchboard.breaker.state} (gauge): 0 closed, 1 open, 2 half-open, 3 disabled, 4
 *       forced open
 *   <li>{@code switchboard.breaker.failure.rate} (gauge): percent of failed calls in the breaker's
 *       window, -1 until it holds the minimum number of calls
 *   <li>{@code switchboard.server.calls} (counter, tagged {@code outcome}): tries of calls by
 *       outcome: {@code success}, {@code error_response} (a JSON-RPC error that is the caller's),
 *       {@code failure}, {@code timeout}, {@code cancelled}, {@code circuit_open}, {@code busy}
 *   <li>{@code switchboard.server.retries} (counter): retries started
 *   <li>{@code switchboard.bulkhead.available} (gauge): calls the bulkhead still admits
 * </ul>
 */
@NullMarked
package dev.switchboard.core.resilience;

import org.jspecify.annotations.NullMarked;
