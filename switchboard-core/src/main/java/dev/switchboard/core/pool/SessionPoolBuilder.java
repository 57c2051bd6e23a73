package dev.switchboard.core.pool;

import dev.switchboard.mcp.McpRuntime;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link SessionPool}; from {@link SessionPool#builder}. The scheduler and the executor are
 * required ({@link #runtime} sets both); everything else has a default. Each setter may be called
 * once: a second call is a mistake and is rejected. Not thread-safe.
 */
public final class SessionPoolBuilder {
    private final SessionFactory factory;
    private @Nullable String name;
    private @Nullable PoolOptions options;
    private @Nullable Ticker ticker;
    private @Nullable ScheduledExecutorService scheduler;
    private @Nullable Executor executor;
    private @Nullable MeterRegistry registry;

    SessionPoolBuilder(SessionFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /** A name for logs and {@code toString()}, such as the server's name; default {@code session-pool}. */
    public SessionPoolBuilder name(String value) {
        once("name", name);
        this.name = Objects.requireNonNull(value, "name");
        return this;
    }

    /** The pool's options; default {@link PoolOptions#defaults()}. */
    public SessionPoolBuilder options(PoolOptions value) {
        once("options", options);
        this.options = Objects.requireNonNull(value, "options");
        return this;
    }

    /** The time source for session ages and idle times; default {@link Ticker#system()}. */
    public SessionPoolBuilder ticker(Ticker value) {
        once("ticker", ticker);
        this.ticker = Objects.requireNonNull(value, "ticker");
        return this;
    }

    /** Runs the reaper; its task is short and never blocks (such as {@link McpRuntime#timer()}). */
    public SessionPoolBuilder scheduler(ScheduledExecutorService value) {
        once("scheduler", scheduler);
        this.scheduler = Objects.requireNonNull(value, "scheduler");
        return this;
    }

    /**
     * Runs the factory and closes sessions; should start a thread per task, as {@link
     * McpRuntime#virtualThreads()} does, since both block.
     */
    public SessionPoolBuilder executor(Executor value) {
        once("executor", executor);
        this.executor = Objects.requireNonNull(value, "executor");
        return this;
    }

    /** The runtime's timer as the scheduler and its virtual threads as the executor. */
    public SessionPoolBuilder runtime(McpRuntime runtime) {
        Objects.requireNonNull(runtime, "runtime");
        return scheduler(runtime.timer()).executor(runtime.virtualThreads());
    }

    /**
     * Where to register the pool's meters (counters and gauges tagged by server); default none, and
     * {@link SessionPool#stats()} still works. {@link SessionPool#close()} removes them again. A server's meters belong to the newest pool that serves it: a pool built for a server whose old pool still drains takes the meters over, and the old pool's close leaves them alone.
     */
    public SessionPoolBuilder meterRegistry(MeterRegistry value) {
        once("meterRegistry", registry);
        this.registry = Objects.requireNonNull(value, "meterRegistry");
        return this;
    }

    /**
     * Builds and starts the pool (its reaper is scheduled).
     *
     * @throws IllegalStateException when the scheduler or the executor is missing
     */
    public SessionPool build() {
        ScheduledExecutorService s = scheduler;
        Executor e = executor;
        if (s == null || e == null) {
            throw new IllegalStateException((s == null ? "scheduler" : "executor")
                    + ": not set (expected: set, or both set with runtime(McpRuntime))");
        }
        return new SessionPool(new Parts(
                factory,
                name == null ? "session-pool" : name,
                options == null ? PoolOptions.defaults() : options,
                ticker == null ? Ticker.system() : ticker,
                s,
                e,
                registry));
    }

    private static void once(String what, @Nullable Object current) {
        if (current != null) {
            throw new IllegalStateException(what + " was already set to " + current);
        }
    }

    /** What the pool is made of. */
    record Parts(
            SessionFactory factory,
            String name,
            PoolOptions options,
            Ticker ticker,
            ScheduledExecutorService scheduler,
            Executor executor,
            @Nullable MeterRegistry registry) {}
}
