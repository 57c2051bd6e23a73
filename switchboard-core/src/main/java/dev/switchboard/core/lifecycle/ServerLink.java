package dev.switchboard.core.lifecycle;

import dev.switchboard.core.config.ServerConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current connection to one server and the attempt to make the next one. Attempts run on the
 * context's executor, one at a time; a failed attempt or a lost session schedules the next one
 * with {@link Backoff}, never at once. State changes go through one {@link Health} value swapped
 * atomically; the connection and the pending attempt change under a lock that is never held while
 * blocking. Thread-safe.
 */
final class ServerLink {
    private static final Logger log = LoggerFactory.getLogger(ServerLink.class);

    private final ServerConfig config;
    private final SupervisorContext context;
    private final Retries retries;
    private final ProcessSlots processes;
    private final AttemptRunner runner;
    private final ConnectionObserver observer;
    private final AtomicReference<Health> health;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile @Nullable ServerConnection connection;
    private @Nullable Attempt attempt;
    private boolean closed;

    ServerLink(ServerConfig config, SupervisorContext context, ConnectionObserver observer) {
        this.config = config;
        this.context = context;
        SupervisionSettings settings = context.settings();
        this.retries = new Retries(
                new Backoff(settings.backoffBase(), settings.backoffCeiling(), context.random()),
                settings.stableUptime());
        this.processes = new ProcessSlots(settings.maxProcesses());
        this.runner = new AttemptRunner(config, context, processes, observer);
        this.observer = observer;
        ServerState initial = config.settings().enabled() ? ServerState.IDLE : ServerState.DISABLED;
        this.health = new AtomicReference<>(Health.initial(initial, AttemptRunner.configuredTransport(config)));
    }

    /** Starts connecting in the background when the server is enabled and eager. */
    void start() {
        if (!config.settings().enabled() || !config.settings().eager()) {
            return;
        }
        lock.lock();
        try {
            if (!closed && connection == null && attempt == null) {
                startNow(null);
            }
        } finally {
            lock.unlock();
        }
    }

    Health health() {
        return health.get();
    }

    void updateHealth(UnaryOperator<Health> change) {
        health.updateAndGet(change);
    }

    ProcessSlots processes() {
        return processes;
    }

    /** The open connection, or {@code null}; never blocks. */
    @Nullable
    ServerConnection current() {
        ServerConnection c = connection;
        return c != null && c.isOpen() ? c : null;
    }

    /**
     * The connection, starting an attempt when none is pending, or joining the pending one when it
     * runs or is due within {@code budget}.
     *
     * @throws ServerConnectException when there is no connection within {@code budget}
     */
    ServerConnection await(Duration budget) {
        Attempt a;
        lock.lock();
        try {
            checkUsable();
            ServerConnection c = connection;
            if (c != null) {
                return c;
            }
            a = attempt;
            if (a == null) {
                a = startNow(null);
            } else if (!a.isRunning() && untilDue(a).compareTo(budget) > 0) {
                throw unavailable("not connected; the next attempt is at " + a.dueAt());
            }
        } finally {
            lock.unlock();
        }
        return waitFor(a, budget);
    }

    /**
     * Closes the current connection on purpose and connects again now (joining an attempt that is
     * already running instead, so that two processes never overlap).
     */
    Attempt reconnect() {
        lock.lock();
        try {
            checkUsable();
            ServerConnection old = connection;
            connection = null;
            Attempt a = attempt;
            if (a != null && a.isRunning()) {
                closeInBackground(old);
                return a;
            }
            if (a != null) {
                a.cancel();
            }
            return startNow(old);
        } finally {
            lock.unlock();
        }
    }

    /** The pending attempt, or a new one started now when none is pending. */
    Attempt pendingOrNew() {
        lock.lock();
        try {
            checkUsable();
            Attempt a = attempt;
            return a != null ? a : startNow(null);
        } finally {
            lock.unlock();
        }
    }

    /** Waits at most {@code wait} for {@code a}. @throws ServerConnectException when it fails or takes too long */
    ServerConnection waitFor(Attempt a, Duration wait) {
        return a.await(wait, this::unavailable);
    }

    /** How long from now until {@code a} is due; zero when it is due or running. */
    Duration untilDue(Attempt a) {
        return a.untilDue(now());
    }

    /**
     * Closes the link: cancels the pending attempt (interrupting a running one, which then closes
     * what it made), closes the connection, and waits at most {@code budget} for a running attempt.
     * Idempotent.
     */
    void close(Duration budget) {
        ServerConnection c;
        Attempt a;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            c = connection;
            connection = null;
            a = attempt;
            attempt = null;
            health.updateAndGet(Health::closed);
        } finally {
            lock.unlock();
        }
        if (a != null) {
            a.cancel();
            a.result().completeExceptionally(unavailable("closed"));
            closeQuietly(a.takeRetiring());
        }
        closeQuietly(c);
        if (a != null && !a.awaitFinished(budget)) {
            log.warn(
                    "server {}: a connection attempt was still running {} ms after the close",
                    name(),
                    budget.toMillis());
        }
    }

    private Attempt startNow(@Nullable ServerConnection retiring) {
        Attempt a = new Attempt(now(), retiring);
        attempt = a;
        health.updateAndGet(Health::connecting);
        submit(a);
        return a;
    }

    /** Schedules the next attempt as {@code next} says; nothing when it says not to retry. */
    private void schedule(Retries.Next next) {
        Duration delay = next.delay();
        Instant dueAt = next.at();
        if (delay == null || dueAt == null || attempt != null) {
            // no retry wanted, or one is pending already: never two attempts at once
            return;
        }
        Attempt a = new Attempt(dueAt, null);
        attempt = a;
        try {
            a.scheduledBy(context.timer().schedule(() -> submit(a), delay.toNanos(), TimeUnit.NANOSECONDS));
        } catch (RejectedExecutionException e) {
            attempt = null;
            a.result().completeExceptionally(unavailable("the timer is shut down"));
        }
    }

    private void submit(Attempt a) {
        try {
            context.executor().execute(() -> run(a));
        } catch (RejectedExecutionException e) {
            finish(a, unavailable("the executor is shut down"));
        }
    }

    private void run(Attempt a) {
        lock.lock();
        try {
            if (closed || attempt != a) {
                return;
            }
            a.running();
            health.updateAndGet(Health::connecting);
        } finally {
            lock.unlock();
        }
        try {
            closeQuietly(a.takeRetiring());
            connected(a, runner.connect());
        } catch (ServerConnectException e) {
            finish(a, e);
        } catch (RuntimeException e) {
            finish(a, failure("connection attempt failed: " + e, e));
        } finally {
            if (!a.result().isDone()) {
                // an Error escaped: the attempt must still end, or every later caller would wait for it
                finish(a, failure("connection attempt ended abnormally", null));
            }
            a.finished();
            // the attempt's thread is not reused for anything else, but an interrupt must not leak
            Thread.interrupted();
        }
    }

    private void connected(Attempt a, AttemptRunner.Result result) {
        ServerConnection c = result.connection();
        boolean discard;
        lock.lock();
        try {
            discard = closed || attempt != a;
            if (!discard) {
                attempt = null;
                connection = c;
                Instant now = now();
                health.updateAndGet(h -> h.connected(now, c.transport(), result.toolCount(), result.listingFailure()));
            }
        } finally {
            lock.unlock();
        }
        if (discard) {
            closeQuietly(c);
            a.result().completeExceptionally(unavailable("closed"));
            return;
        }
        c.closeFuture().whenComplete((cause, ignored) -> lost(c, cause));
        a.result().complete(c);
        log.info(
                "server {}: connected over {}{}, {}",
                name(),
                c.transport(),
                c.pid().isPresent() ? " (pid " + c.pid().getAsLong() + ")" : "",
                result.toolCount() == null ? "tools not listed" : result.toolCount() + " tools");
        announce(c);
    }

    /** Tells the observer about a new connection, on the executor: it may block. */
    private void announce(ServerConnection c) {
        if (observer == ConnectionObserver.NONE) {
            return;
        }
        try {
            context.executor().execute(() -> {
                try {
                    observer.onConnected(c);
                } catch (RuntimeException e) {
                    log.warn("server {}: the connection observer failed", name(), e);
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("server {}: the executor is shut down; the observer is not told of the connection", name());
        }
    }

    /** The attempt failed: schedules the next one unless retrying cannot help. */
    private void finish(Attempt a, ServerConnectException e) {
        lock.lock();
        try {
            if (closed || attempt != a) {
                a.result().completeExceptionally(e);
                return;
            }
            attempt = null;
            recordFailure(ServerState.FAILED, e, e.phase() != ErrorPhase.CONFIG);
        } finally {
            lock.unlock();
        }
        a.result().completeExceptionally(e);
    }

    /** The session closed: on purpose when it is no longer the current connection, else a loss. */
    private void lost(ServerConnection c, @Nullable Throwable cause) {
        lock.lock();
        try {
            if (connection != c) {
                return;
            }
            connection = null;
            if (closed) {
                return;
            }
            String why = cause == null ? "without a reason" : String.valueOf(cause.getMessage());
            recordFailure(
                    ServerState.DEGRADED,
                    new ServerConnectException(
                            name(), ErrorPhase.RUNTIME, "the session closed: " + why, c.recentStderr(), cause),
                    true);
        } finally {
            lock.unlock();
        }
        closeInBackground(c);
    }

    /** Records a failure and schedules the next attempt unless {@code retry} is false; lock held. */
    private void recordFailure(ServerState state, ServerConnectException e, boolean retry) {
        Instant now = now();
        Retries.Next next = retries.after(health.get(), now, retry);
        schedule(next);
        health.updateAndGet(h -> h.failed(state, e, now, next.failures(), next.at()));
        log.warn(
                "server {}: {} (failure {} in a row; next attempt {})",
                name(),
                e.detail(),
                next.failures(),
                next.at() == null ? "only on demand" : "at " + next.at());
    }

    private void checkUsable() {
        if (closed) {
            throw unavailable("closed");
        }
        if (!config.settings().enabled()) {
            throw new ServerConnectException(name(), ErrorPhase.CONFIG, "disabled (enabled: false)", List.of(), null);
        }
    }

    /** An exception naming the state and, when there was one, the last error. */
    ServerConnectException unavailable(String what) {
        return health.get().unavailable(name(), what);
    }

    private ServerConnectException failure(String message, @Nullable Throwable cause) {
        return new ServerConnectException(name(), ErrorPhase.RUNTIME, message, List.of(), cause);
    }

    /** Closes {@code c} on the executor, or here when the executor is shut down. */
    private void closeInBackground(@Nullable ServerConnection c) {
        if (c == null) {
            return;
        }
        try {
            context.executor().execute(() -> closeQuietly(c));
        } catch (RejectedExecutionException e) {
            closeQuietly(c);
        }
    }

    private static void closeQuietly(@Nullable ServerConnection c) {
        if (c != null) {
            c.closeQuietly();
        }
    }

    private Instant now() {
        return context.clock().instant();
    }

    private String name() {
        return config.name();
    }
}
