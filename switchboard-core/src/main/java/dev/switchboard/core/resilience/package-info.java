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
 */
@NullMarked
package dev.switchboard.core.resilience;

import org.jspecify.annotations.NullMarked;
