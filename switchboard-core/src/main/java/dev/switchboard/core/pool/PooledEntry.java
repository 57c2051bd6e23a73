package dev.switchboard.core.pool;

import dev.switchboard.mcp.client.McpClient;

/**
 * One pooled session and its bookkeeping. {@link #state} and {@link #lastReturnedAt} are guarded by
 * the owning {@link KeyPool}'s lock; a borrower reads them after taking the entry under that lock.
 */
final class PooledEntry {
    /** Where the entry is. */
    enum State {
        /** In the idle deque, ready to be lent. */
        IDLE,
        /** Taken by a borrower: being checked, or lent. */
        TAKEN,
        /** Removed from the pool; its session is being closed or was closed. */
        GONE
    }

    final McpClient client;
    final long createdAt;
    long lastReturnedAt;
    State state = State.TAKEN;

    PooledEntry(McpClient client, long createdAt) {
        this.client = client;
        this.createdAt = createdAt;
        this.lastReturnedAt = createdAt;
    }

    /** Whether the session underneath is still open. */
    boolean isOpen() {
        return client.session().isOpen();
    }

    /** Whether the session is at least {@code ttlNanos} old at {@code now}. */
    boolean expired(long now, long ttlNanos) {
        return now - createdAt >= ttlNanos;
    }

    /** Whether the session has sat idle at least {@code nanos} at {@code now}. */
    boolean idleFor(long now, long nanos) {
        return now - lastReturnedAt >= nanos;
    }
}
