package dev.switchboard.core.lifecycle;

import dev.switchboard.core.config.ServerConfig;
import dev.switchboard.core.config.StdioServerConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
    private final Backoff backoff;
    private final ProcessSlots processes;
    private final AttemptRunner runner;
    private final AtomicReference<Health> health;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile @Nullable ServerConnection connection;
    private @Nullable Attempt attempt;
    private boolean closed;

    ServerLink(ServerConfig config, SupervisorContext context) {
        this.config = config;
        this.context = context;
        SupervisionSettings settings = context.settings();
        this.backoff = new Backoff(settings.backoffBase(), settings.backoffCeiling(), context.random());
        this.processes = new ProcessSlots(settings.maxProcesses());
        this.runner = new AttemptRunner(config, context, processes);
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
                if (old != null) {
                    context.executor().execute(old::close);
                }
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

    /**
     * Waits at most {@code wait} for {@code a}.
     *
     * @throws ServerConnectException with the attempt's failure, or when it takes too long
     */
    ServerConnection waitFor(Attempt a, Duration wait) {
        try {
            return a.result().get(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ServerConnectException sce) {
                throw sce;
            }
            throw unavailable("connection attempt failed: " + e.getCause());
        } catch (TimeoutException e) {
            throw unavailable("no connection within " + wait.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while waiting for the connection");
        }
    }

    /** How long from now until {@code a} is due; zero when it is due or running. */
    Duration untilDue(Attempt a) {
        Duration d = Duration.between(now(), a.dueAt());
        return d.isNegative() ? Duration.ZERO : d;
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

    private void schedule(Duration delay, Instant dueAt) {
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
            AttemptRunner.Result result = runner.connect();
            connected(a, result);
        } catch (ServerConnectException e) {
            finish(a, e);
        } catch (RuntimeException e) {
            finish(
                    a,
                    new ServerConnectException(
                            name(), ErrorPhase.RUNTIME, "connection attempt failed: " + e, List.of(), e));
        } finally {
            a.finished();
            // the attempt's thread is not reused for anything else, but an interrupt must not leak
            Thread.interrupted();
        }
    }

    private void connected(Attempt a, AttemptRunner.Result result) {
        ServerConnection c = result.connection();
        lock.lock();
        try {
            if (closed || attempt != a) {
                c.close();
                a.result().completeExceptionally(unavailable("closed"));
                return;
            }
            attempt = null;
            connection = c;
            Instant now = now();
            health.updateAndGet(h -> h.connected(now, c.transport(), result.toolCount(), result.listingFailure()));
        } finally {
            lock.unlock();
        }
        c.closeFuture().whenComplete((cause, ignored) -> lost(c, cause));
        a.result().complete(c);
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
            Instant now = now();
            int failures = health.get().failuresAt(now, context.settings().stableUptime()) + 1;
            Instant next = null;
            if (e.phase() != ErrorPhase.CONFIG) {
                Duration delay = backoff.delay(failures);
                next = now.plus(delay);
                schedule(delay, next);
            }
            Instant due = next;
            health.updateAndGet(h -> h.failed(ServerState.FAILED, e, now, failures, due));
            log.warn(
                    "server {}: {} (failure {} in a row; next attempt {})",
                    name(),
                    e.detail(),
                    failures,
                    due == null ? "only on demand" : "at " + due);
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
            Instant now = now();
            int failures = health.get().failuresAt(now, context.settings().stableUptime()) + 1;
            Duration delay = backoff.delay(failures);
            Instant next = now.plus(delay);
            ServerConnectException e = new ServerConnectException(
                    name(),
                    ErrorPhase.RUNTIME,
                    "the session closed: " + (cause == null ? "without a reason" : String.valueOf(cause.getMessage())),
                    c.recentStderr(),
                    cause);
            schedule(delay, next);
            health.updateAndGet(h -> h.failed(ServerState.DEGRADED, e, now, failures, next));
            log.warn("server {}: {}; reconnecting at {}", name(), e.detail(), next);
        } finally {
            lock.unlock();
        }
        context.executor().execute(c::close);
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
        Health h = health.get();
        ErrorPhase phase = h.phase() == null ? ErrorPhase.TRANSPORT_CONNECT : h.phase();
        String last = h.message() == null ? "" : "; last error (" + phase + "): " + h.message();
        return new ServerConnectException(
                name(), phase, what + " (state: " + h.state() + ")" + last, h.stderrTail(), null);
    }

    private static void closeQuietly(@Nullable ServerConnection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (RuntimeException e) {
            log.warn("server {}: closing the connection failed", c.server(), e);
        }
    }

    private Instant now() {
        return context.clock().instant();
    }

    private String name() {
        return config.name();
    }

    boolean isStdio() {
        return config instanceof StdioServerConfig;
    }
}
