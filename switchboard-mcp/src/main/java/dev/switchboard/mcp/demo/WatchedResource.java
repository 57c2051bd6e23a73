package dev.switchboard.mcp.demo;

import dev.switchboard.mcp.protocol.McpMethods;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code test://watched-resource}: a text that changes every interval while some session
 * subscribes to it (and on demand), each change announced with {@code
 * notifications/resources/updated} to the sessions that subscribed. The timer runs only while
 * there are subscribers. Thread-safe.
 */
final class WatchedResource {
    static final String URI = "test://watched-resource";

    private final DemoSessions sessions;
    private final ScheduledExecutorService timer;
    private final Executor executor;
    private final Clock clock;
    private final Duration interval;
    private final AtomicLong version = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private @Nullable ScheduledFuture<?> ticker;
    private volatile String updatedAt;

    WatchedResource(
            DemoSessions sessions, ScheduledExecutorService timer, Executor executor, Clock clock, Duration interval) {
        this.sessions = sessions;
        this.timer = timer;
        this.executor = executor;
        this.clock = clock;
        this.interval = interval;
        this.updatedAt = clock.instant().toString();
    }

    /** The current text. */
    String text() {
        return "Watched resource content, version " + version.get() + ", updated at " + updatedAt;
    }

    /** The number of changes so far. */
    long version() {
        return version.get();
    }

    /** Changes the content now and notifies the subscribed sessions. */
    void update() {
        updatedAt = clock.instant().toString();
        version.incrementAndGet();
        ObjectNode params = Json.object();
        params.put("uri", URI);
        sessions.broadcast(McpMethods.RESOURCES_UPDATED, params, state -> state.isSubscribed(URI));
    }

    /** Starts or stops the periodic updates, after the set of subscribers changed. */
    void subscribersChanged() {
        boolean wanted = sessions.any(state -> state.isSubscribed(URI));
        lock.lock();
        try {
            if (wanted && ticker == null) {
                long nanos = interval.toNanos();
                // Sending may block, which the timer thread must not do.
                ticker = timer.scheduleAtFixedRate(
                        () -> executor.execute(this::update), nanos, nanos, TimeUnit.NANOSECONDS);
            } else if (!wanted && ticker != null) {
                ticker.cancel(false);
                ticker = null;
            }
        } finally {
            lock.unlock();
        }
    }
}
