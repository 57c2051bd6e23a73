package dev.switchboard.core.pool;

import dev.switchboard.mcp.client.McpClient;

/**
 * Creates the sessions of a {@link SessionPool}: builds the transport for the key's server and
 * transport, with the credentials of the key's identity, and connects an initialized {@link
 * McpClient} over it.
 *
 * <p>This is the seam around creation. The server lifecycle provides the real factory from the
 * configuration; a circuit breaker, a bulkhead or a retry wraps it as a decorator ({@code key ->
 * breaker.call(() -> real.create(key))}), so that a server that keeps failing is not hammered with
 * connection attempts. The pool itself has no breaker: an exception thrown here reaches the caller
 * of {@link SessionPool#acquire} as the cause of a {@link SessionCreationException}, including the
 * breaker's "call not permitted".
 *
 * <p>Called on the pool's executor (a virtual thread), possibly for several keys at once, so
 * implementations must be thread-safe. A call should be bounded by its own connect and initialize
 * timeouts: the pool stops waiting after its create timeout and interrupts the call, and closes a
 * session that arrives later, but the key's slot stays taken until the call returns.
 */
@FunctionalInterface
public interface SessionFactory {
    /**
     * Creates an initialized session for {@code key}; never returns null.
     *
     * @throws Exception when the session cannot be created; the pool closes nothing in that case,
     *     so the factory closes what it opened
     */
    McpClient create(PoolKey key) throws Exception;
}
