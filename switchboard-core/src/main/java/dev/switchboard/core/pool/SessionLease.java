package dev.switchboard.core.pool;

import dev.switchboard.mcp.client.McpClient;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * A session lent by a {@link SessionPool} to one caller until {@link #close()}. Use it in
 * try-with-resources; call {@link #invalidate()} instead when the session proved broken (a
 * transport error, a session that expired downstream), so that it is closed rather than lent again.
 *
 * <p>Thread-safe; only the first of {@link #close()} and {@link #invalidate()} has an effect. Do not
 * use the client after that: the pool may lend it to the next caller of the same key.
 */
public final class SessionLease implements AutoCloseable {
    private static final AtomicIntegerFieldUpdater<SessionLease> RELEASED =
            AtomicIntegerFieldUpdater.newUpdater(SessionLease.class, "released");

    private final SessionPool pool;
    private final KeyPool keyPool;
    private final PooledEntry entry;

    @SuppressWarnings("UnusedVariable") // written through RELEASED
    private volatile int released;

    SessionLease(SessionPool pool, KeyPool keyPool, PooledEntry entry) {
        this.pool = pool;
        this.keyPool = keyPool;
        this.entry = entry;
    }

    /**
     * The lent session, initialized and ready for requests.
     *
     * @throws IllegalStateException after {@link #close()} or {@link #invalidate()}
     */
    public McpClient client() {
        if (released != 0) {
            throw new IllegalStateException("lease of " + keyPool.key + " was already released");
        }
        return entry.client;
    }

    /** The key the session belongs to. */
    public PoolKey key() {
        return keyPool.key;
    }

    /**
     * Reports the session broken: the pool closes it and frees its slot, and the next caller gets
     * another session. Releases the lease; a later {@link #close()} does nothing.
     */
    public void invalidate() {
        if (RELEASED.compareAndSet(this, 0, 1)) {
            pool.release(keyPool, entry, true);
        }
    }

    /**
     * Gives the session back to the pool: to be lent again, or closed when it is closed downstream,
     * older than the TTL, or the pool is closed. Idempotent; never throws.
     */
    @Override
    public void close() {
        if (RELEASED.compareAndSet(this, 0, 1)) {
            pool.release(keyPool, entry, false);
        }
    }

    /** The key and whether the lease is still held. */
    @Override
    public String toString() {
        return "SessionLease[" + keyPool.key + (released != 0 ? ", released]" : "]");
    }
}
