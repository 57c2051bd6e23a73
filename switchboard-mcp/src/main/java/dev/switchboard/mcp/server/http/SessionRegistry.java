package dev.switchboard.mcp.server.http;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.server.SessionContext;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.Request;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open client sessions of one server transport, by id: issues unguessable ids, enforces the cap
 * on their number, and closes sessions that stayed idle too long (a sweep on the runtime's timer).
 * Thread-safe.
 *
 * @param <S> the transport's session type
 */
final class SessionRegistry<S extends SessionRegistry.Entry> {
    private static final Logger log = LoggerFactory.getLogger(SessionRegistry.class);
    private static final int ID_BYTES = 24;

    /** What the registry needs from a session. */
    interface Entry {
        /** The session id. */
        String id();

        /** Whether no HTTP request of the session is in progress and none was since {@code cutoffMillis}. */
        boolean idleSince(long cutoffMillis);

        /** Closes the session because it expired. Runs on a virtual thread; may block briefly. */
        void expire();

        /** Who opened the session (see {@link SessionContext#owner()}), or {@code null}. */
        @Nullable
        Object owner();
    }

    private final Map<String, S> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    private final SecureRandom random = new SecureRandom();
    private final HttpServerTransportOptions options;
    private final McpRuntime runtime;
    private final String kind;
    private volatile @Nullable ScheduledFuture<?> sweeper;

    SessionRegistry(HttpServerTransportOptions options, McpRuntime runtime, String kind) {
        this.options = options;
        this.runtime = runtime;
        this.kind = kind;
    }

    /** A new session id: 24 random bytes, base64url, so visible ASCII only. */
    String newId() {
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Takes a place for a new session.
     *
     * @return false when the cap is reached
     */
    boolean reserve() {
        while (true) {
            int n = count.get();
            if (n >= options.maxSessions()) {
                return false;
            }
            if (count.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    /** Gives back a place taken by {@link #reserve} for a session that was not added. */
    void release() {
        count.decrementAndGet();
    }

    /** Adds a session for which a place was reserved. */
    void add(S session) {
        sessions.put(session.id(), session);
    }

    /** The session with this id, or {@code null}. */
    @Nullable
    S get(@Nullable String id) {
        return id == null ? null : sessions.get(id);
    }

    /**
     * The session with this id when {@code request} comes from the session's owner, or {@code null}:
     * to a client that did not open it, another's session does not exist.
     */
    @Nullable
    S get(@Nullable String id, Request request) {
        S session = get(id);
        return session != null && Objects.equals(session.owner(), ownerOf(request)) ? session : null;
    }

    /** The owner an authenticating handler in front put in the request, or {@code null}. */
    static @Nullable Object ownerOf(Request request) {
        return request.getAttribute(SessionContext.OWNER_ATTRIBUTE);
    }

    /** Removes the session (when it is still registered) and frees its place. */
    boolean remove(S session) {
        if (sessions.remove(session.id(), session)) {
            count.decrementAndGet();
            return true;
        }
        return false;
    }

    /** The number of sessions (registered or reserved). */
    int size() {
        return count.get();
    }

    /** A message naming the cap, for the 503 answer. */
    String capMessage() {
        return "Service unavailable: sessions: " + count.get() + " (expected: at most " + options.maxSessions()
                + ", the maxSessions of this " + kind + " endpoint)";
    }

    /** Starts the idle sweep. */
    void start() {
        long idle = options.sessionIdleTimeout().toMillis();
        long period = Math.max(10, Math.min(idle / 4, Duration.ofSeconds(10).toMillis()));
        sweeper = runtime.timer().scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    /** Stops the sweep and removes every session, returning them for the caller to close. */
    List<S> stop() {
        ScheduledFuture<?> s = sweeper;
        if (s != null) {
            s.cancel(false);
        }
        List<S> all = new ArrayList<>(sessions.values());
        for (S session : all) {
            remove(session);
        }
        return all;
    }

    private void sweep() {
        try {
            sweepOnce();
        } catch (RuntimeException e) {
            // a periodic task that throws is never run again: log it and keep sweeping
            log.warn("{} idle sweep failed", kind, e);
        }
    }

    private void sweepOnce() {
        long cutoff = options.clock().millis() - options.sessionIdleTimeout().toMillis();
        for (S session : sessions.values()) {
            if (session.idleSince(cutoff) && remove(session)) {
                log.debug("{} session {} expired after {} idle", kind, session.id(), options.sessionIdleTimeout());
                try {
                    runtime.virtualThreads().execute(session::expire);
                } catch (RejectedExecutionException e) {
                    log.debug("{} session {}: runtime is shutting down, not closed", kind, session.id());
                }
            }
        }
    }
}
