package dev.switchboard.core.pool;

import dev.switchboard.mcp.client.McpClient;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The sessions of one key: a deque of idle sessions (most recently returned first, so that the
 * surplus ages out at the tail) and the count of every session the key holds, lent, idle or being
 * created, which never exceeds the maximum. One lock guards it; a borrower holds it only to take or
 * return an entry, never while it checks, creates or closes a session.
 */
final class KeyPool {
    /** What {@link #take} returns when the caller holds a new slot and must create a session. */
    static final Object CREATE = new Object();
    /** What {@link #take} returns when this key was dropped; the caller looks the key up again. */
    static final Object RETIRED = new Object();

    final PoolKey key;
    final ServerMeters meters;
    private final int max;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<PooledEntry> idle;
    private final List<PooledEntry> live;
    private int total;
    private int waiters;
    private long lastUsed;
    private boolean retired;
    private boolean closed;

    KeyPool(PoolKey key, int max, ServerMeters meters, long now) {
        this.key = key;
        this.max = max;
        this.meters = meters;
        this.idle = new ArrayDeque<>(Math.min(max, 16));
        this.live = new ArrayList<>(Math.min(max, 16));
        this.lastUsed = now;
    }

    /**
     * Takes an idle entry (now {@link PooledEntry.State#TAKEN}), or a slot to create one in ({@link
     * #CREATE}), waiting until {@code deadline} (of {@link System#nanoTime()}) for either.
     *
     * @return an entry, {@link #CREATE} or {@link #RETIRED}
     * @throws PoolTimeoutException when the deadline passes
     * @throws PoolException when the pool closes
     */
    Object take(long now, long deadline, Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            if (retired && !closed) {
                return RETIRED;
            }
            lastUsed = now;
            while (true) {
                if (closed) {
                    throw SessionPool.closedException(key);
                }
                PooledEntry entry = idle.pollFirst();
                if (entry != null) {
                    entry.state = PooledEntry.State.TAKEN;
                    return entry;
                }
                if (total < max) {
                    total++;
                    return CREATE;
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new PoolTimeoutException(key, timeout, total - idle.size(), idle.size(), max, waiters);
                }
                waiters++;
                try {
                    changed.awaitNanos(remaining);
                } finally {
                    waiters--;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Adds a created entry, lent; false when the key was closed meanwhile (the entry is not kept). */
    boolean added(PooledEntry entry) {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            live.add(entry);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Frees the slot of a creation that failed or was abandoned. */
    void slotFreed() {
        lock.lock();
        try {
            total--;
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Returns a lent entry to the idle deque; false when it is gone (the pool closed). */
    boolean giveBack(PooledEntry entry, long now) {
        lock.lock();
        try {
            if (entry.state != PooledEntry.State.TAKEN) {
                return false;
            }
            entry.state = PooledEntry.State.IDLE;
            entry.lastReturnedAt = now;
            lastUsed = now;
            idle.addFirst(entry);
            if (waiters > 0) {
                changed.signal();
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Removes an entry and frees its slot; false when it was already gone. */
    boolean remove(PooledEntry entry) {
        lock.lock();
        try {
            return removeLocked(entry);
        } finally {
            lock.unlock();
        }
    }

    /** Removes an entry whose session closed, if it is idle; a lent one goes when it is returned. */
    boolean removeIfIdle(PooledEntry entry) {
        lock.lock();
        try {
            return entry.state == PooledEntry.State.IDLE && removeLocked(entry);
        } finally {
            lock.unlock();
        }
    }

    private boolean removeLocked(PooledEntry entry) {
        if (entry.state == PooledEntry.State.GONE) {
            return false;
        }
        if (entry.state == PooledEntry.State.IDLE) {
            idle.remove(entry);
        }
        entry.state = PooledEntry.State.GONE;
        live.remove(entry);
        total--;
        changed.signal();
        return true;
    }

    /**
     * Removes the idle sessions that are closed, at least {@code ttl} old, or idle at least {@code
     * idleLimit}, and returns their clients for closing.
     */
    List<McpClient> reap(long now, long ttl, long idleLimit) {
        List<McpClient> reaped = new ArrayList<>(0);
        lock.lock();
        try {
            for (Iterator<PooledEntry> it = idle.iterator(); it.hasNext(); ) {
                PooledEntry entry = it.next();
                if (!entry.isOpen() || entry.expired(now, ttl) || entry.idleFor(now, idleLimit)) {
                    it.remove();
                    entry.state = PooledEntry.State.GONE;
                    live.remove(entry);
                    total--;
                    reaped.add(entry.client);
                }
            }
            if (!reaped.isEmpty()) {
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
        return reaped;
    }

    /**
     * Marks the key retired when it holds no session, nobody waits and it went unused at least
     * {@code idleLimit}; the caller then drops it from the pool's map.
     */
    boolean tryRetire(long now, long idleLimit) {
        lock.lock();
        try {
            if (retired || total > 0 || waiters > 0 || now - lastUsed < idleLimit) {
                return false;
            }
            retired = true;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Closes the key: wakes every waiter (who fail) and returns every session's client. */
    List<McpClient> close() {
        lock.lock();
        try {
            closed = true;
            retired = true;
            List<McpClient> clients = new ArrayList<>(live.size());
            for (PooledEntry entry : live) {
                entry.state = PooledEntry.State.GONE;
                clients.add(entry.client);
            }
            live.clear();
            idle.clear();
            changed.signalAll();
            return clients;
        } finally {
            lock.unlock();
        }
    }

    /** The key's numbers now. */
    PoolStats.KeyStats stats() {
        lock.lock();
        try {
            return new PoolStats.KeyStats(key, idle.size(), total - idle.size(), max, waiters);
        } finally {
            lock.unlock();
        }
    }
}
