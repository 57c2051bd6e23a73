package dev.switchboard.core.pool;

import dev.switchboard.mcp.client.McpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pool of initialized MCP sessions per {@link PoolKey} (identity, server, transport): the {@code
 * per-identity} session mode. A caller {@link #acquire acquires} a {@link SessionLease}, uses its
 * client, and closes the lease to give the session back; the next acquisition of the same key gets
 * the same warm session instead of a new connection and handshake. Sessions of different keys are
 * never mixed, so different identities never share a session.
 *
 * <p>Rules, with the values of {@link PoolOptions}:
 *
 * <ul>
 *   <li>A key holds at most {@code maxPerKey} sessions, lent, idle or being created; further
 *       callers wait for one to come back, at most {@code acquireTimeout}, then get a {@link
 *       PoolTimeoutException} with the key's numbers.
 *   <li>A new session is created by the {@link SessionFactory} within {@code createTimeout}, or the
 *       caller gets a {@link SessionCreationException}; a session that arrives late is closed.
 *   <li>A session older than {@code ttl}, or whose session closed downstream ({@link
 *       dev.switchboard.mcp.session.McpSession#isOpen()} false), is closed instead of lent. A session
 *       idle at least {@code healthCheckAfterIdle} is lent only after it passes the health-check
 *       chain; one that fails is closed and the next idle session, or a new one, is tried.
 *   <li>Every {@code reaperInterval}, on the scheduler, the reaper closes idle sessions that are
 *       expired, closed, or idle at least {@code idleEviction}, and drops keys that hold no session
 *       and went unused that long.
 * </ul>
 *
 * <p>The pool has no circuit breaker of its own: wrap the {@link SessionFactory} for that. Its
 * numbers are in {@link #stats()} and, when a registry is given, in Micrometer, tagged by server.
 *
 * <p>Thread-safe. Taking and returning an idle session holds the key's lock for a few field
 * updates only; health checks, creation and closing happen outside it, and closing runs on the
 * executor.
 */
public final class SessionPool implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SessionPool.class);

    private final String name;
    private final PoolOptions options;
    private final Ticker ticker;
    private final PoolMeters meters;
    private final SessionCloser closer;
    private final SessionCreator creator;
    private final HealthChecker health;
    private final ConcurrentHashMap<PoolKey, KeyPool> keys = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final long ttl;
    private final long healthCheckAfterIdle;
    private final long idleEviction;
    private final long acquireTimeout;
    private final ScheduledFuture<?> reaper;

    SessionPool(SessionPoolBuilder.Parts parts) {
        this.name = parts.name();
        this.options = parts.options();
        this.ticker = parts.ticker();
        this.meters = new PoolMeters(parts.registry(), options.maxPerKey());
        this.closer = new SessionCloser(parts.executor());
        this.creator = new SessionCreator(parts.factory(), parts.executor(), closer, options.createTimeout());
        this.health = new HealthChecker(options.healthChecks(), options.healthCheckTimeout());
        this.ttl = options.ttl().toNanos();
        this.healthCheckAfterIdle = options.healthCheckAfterIdle().toNanos();
        this.idleEviction = options.idleEviction().toNanos();
        this.acquireTimeout = options.acquireTimeout().toNanos();
        long every = options.reaperInterval().toNanos();
        this.reaper = parts.scheduler().scheduleWithFixedDelay(this::reapSafely, every, every, TimeUnit.NANOSECONDS);
    }

    /** A builder of a pool whose sessions {@code factory} creates. */
    public static SessionPoolBuilder builder(SessionFactory factory) {
        return new SessionPoolBuilder(factory);
    }

    /**
     * Lends a session of {@code key}: an idle one that is open, younger than the TTL and, when it
     * sat idle, healthy; otherwise a new one when the key has room; otherwise the first one given
     * back within the acquire timeout. Blocks the calling thread (meant for virtual threads) for at
     * most the acquire timeout plus, when a session must be created, the create timeout, plus the
     * health checks of idle sessions that need one.
     *
     * @throws PoolTimeoutException when no session came free within the acquire timeout
     * @throws SessionCreationException when a new session could not be created in time
     * @throws PoolException when the pool is closed, or the thread is interrupted (its interrupt flag
     *     is set again)
     */
    public SessionLease acquire(PoolKey key) {
        Objects.requireNonNull(key, "key");
        long deadline = System.nanoTime() + acquireTimeout;
        while (true) {
            KeyPool keyPool = keyPool(key);
            long now = ticker.read();
            Object taken = take(keyPool, now, deadline);
            if (taken == KeyPool.CREATE) {
                return create(keyPool);
            }
            if (taken instanceof PooledEntry entry) {
                if (usable(keyPool, entry, now)) {
                    keyPool.meters.hits.increment();
                    return new SessionLease(this, keyPool, entry);
                }
                discard(keyPool, entry);
            } else {
                // the reaper dropped the key just now; make sure the map forgets it, then look again
                keys.remove(key, keyPool);
            }
        }
    }

    private KeyPool keyPool(PoolKey key) {
        if (closed.get()) {
            throw closedException(key);
        }
        KeyPool existing = keys.get(key);
        if (existing != null) {
            return existing;
        }
        KeyPool keyPool = keys.computeIfAbsent(key, this::newKeyPool);
        if (closed.get()) {
            // close() may have missed a key added while it ran
            keyPool.close();
            throw closedException(key);
        }
        return keyPool;
    }

    private KeyPool newKeyPool(PoolKey key) {
        ServerMeters serverMeters = meters.forServer(key.server());
        KeyPool keyPool = new KeyPool(key, options.maxPerKey(), serverMeters, ticker.read());
        serverMeters.keys.add(keyPool);
        return keyPool;
    }

    private Object take(KeyPool keyPool, long now, long deadline) {
        try {
            return keyPool.take(now, deadline, options.acquireTimeout());
        } catch (PoolTimeoutException e) {
            keyPool.meters.acquireTimeouts.increment();
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PoolException("session pool: interrupted waiting for a session for " + keyPool.key, e);
        }
    }

    /** Whether an idle entry may be lent; {@code now} was read just before it was taken. */
    private boolean usable(KeyPool keyPool, PooledEntry entry, long now) {
        if (!entry.isOpen() || entry.expired(now, ttl)) {
            keyPool.meters.evictions.increment();
            return false;
        }
        if (entry.idleFor(now, healthCheckAfterIdle) && !health.passes(keyPool.key, entry.client)) {
            keyPool.meters.healthCheckFailures.increment();
            keyPool.meters.evictions.increment();
            return false;
        }
        return true;
    }

    private SessionLease create(KeyPool keyPool) {
        McpClient client;
        try {
            client = creator.create(keyPool);
        } catch (SessionCreationException e) {
            keyPool.meters.creationFailures.increment();
            throw e;
        }
        PooledEntry entry = new PooledEntry(client, ticker.read());
        if (!keyPool.added(entry)) {
            closer.close(client);
            keyPool.slotFreed();
            throw closedException(keyPool.key);
        }
        client.session().closeFuture().whenComplete((cause, error) -> onSessionClosed(keyPool, entry));
        keyPool.meters.misses.increment();
        log.debug("session pool {}: created a session for {}", name, keyPool.key);
        return new SessionLease(this, keyPool, entry);
    }

    /** Takes back a lent session; called once per lease. */
    void release(KeyPool keyPool, PooledEntry entry, boolean broken) {
        if (broken) {
            if (discard(keyPool, entry)) {
                keyPool.meters.invalidations.increment();
            }
            return;
        }
        long now = ticker.read();
        if (!entry.isOpen() || entry.expired(now, ttl)) {
            if (discard(keyPool, entry)) {
                keyPool.meters.evictions.increment();
            }
            return;
        }
        // false only when the pool closed meanwhile, and close() closed the session
        keyPool.giveBack(entry, now);
    }

    private boolean discard(KeyPool keyPool, PooledEntry entry) {
        if (!keyPool.remove(entry)) {
            return false;
        }
        closer.close(entry.client);
        return true;
    }

    /** A session closed downstream: if it sits idle, it leaves at once and frees its slot. */
    private void onSessionClosed(KeyPool keyPool, PooledEntry entry) {
        if (keyPool.removeIfIdle(entry)) {
            keyPool.meters.evictions.increment();
            log.debug("session pool {}: an idle session of {} closed downstream", name, keyPool.key);
        }
    }

    private void reapSafely() {
        try {
            reap();
        } catch (RuntimeException e) {
            // a failure must not cancel the periodic task
            log.warn("session pool {}: the reaper failed", name, e);
        }
    }

    private void reap() {
        if (closed.get()) {
            return;
        }
        long now = ticker.read();
        for (KeyPool keyPool : keys.values()) {
            List<McpClient> reaped = keyPool.reap(now, ttl, idleEviction);
            if (!reaped.isEmpty()) {
                keyPool.meters.sessionsReaped.add(reaped.size());
                reaped.forEach(closer::close);
            }
            if (keyPool.tryRetire(now, idleEviction) && keys.remove(keyPool.key, keyPool)) {
                keyPool.meters.keys.remove(keyPool);
                keyPool.meters.keysEvicted.increment();
            }
        }
    }

    /** A snapshot of the pool's counters and of every key's sessions. */
    public PoolStats stats() {
        return meters.stats(keys.values());
    }

    /** The options the pool runs with. */
    public PoolOptions options() {
        return options;
    }

    /**
     * Closes the pool: stops the reaper, fails every waiting caller and every caller waiting for a
     * creation at once with a {@link PoolException}, closes every session, idle or lent, and waits
     * at most the close timeout for them to close. A session still being created is closed when it
     * arrives. Leases given back later do nothing. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        reaper.cancel(false);
        List<McpClient> sessions = new ArrayList<>();
        for (KeyPool keyPool : keys.values()) {
            sessions.addAll(keyPool.close());
            keyPool.meters.keys.remove(keyPool);
        }
        keys.clear();
        creator.abandonAll(new PoolException("session pool " + name + " is closed"));
        closer.closeAll(sessions, options.closeTimeout());
        meters.close();
        log.debug("session pool {}: closed {} sessions", name, sessions.size());
    }

    static PoolException closedException(PoolKey key) {
        return new PoolException("session pool is closed: no session for " + key);
    }

    /** The name, whether it is open, and the number of keys. */
    @Override
    public String toString() {
        return "SessionPool[" + name + ", " + (closed.get() ? "closed" : "open") + ", keys=" + keys.size() + "]";
    }
}
