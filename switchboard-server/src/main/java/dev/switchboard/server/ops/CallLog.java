package dev.switchboard.server.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One structured log line per tool call, a latency timer per server and outcome, and the count of
 * calls in flight that shutdown waits for. Every upstream that calls tools (the admin API, the MCP
 * views) records its calls here:
 *
 * <pre>{@code
 * CallLog.Call call = callLog.start("github", "search_issues", principal.user());
 * try {
 *     JsonNode result = session.callTool("search_issues", args);
 *     call.finish(result);            // success, or tool_error when isError is true
 * } catch (RuntimeException e) {
 *     call.failed(e);                 // timeout, circuit_open, server_unavailable, ...
 *     throw e;
 * }
 * }</pre>
 *
 * <p>The line goes to the logger {@value #LOGGER} at INFO: {@code call server=github
 * tool=search_issues outcome=success duration_ms=12 user=alice}. It never carries arguments,
 * results or error messages, which may hold secrets. Thread-safe.
 */
public final class CallLog {
    /** The logger of the call lines, so that operators can route or silence them. */
    public static final String LOGGER = "switchboard.calls";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    private final MeterRegistry registry;
    private final LongSupplier nanoTime;
    private final InFlightCount inFlight = new InFlightCount();
    /** Timers by server, then outcome: building and registering one on every call cost ~5% of a relayed call's CPU. */
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, Timer>> timers = new ConcurrentHashMap<>();

    /**
     * A call log recording into {@code registry}.
     *
     * @param registry where the {@value CallMeters#CALLS} timer goes
     * @param nanoTime the monotonic clock of durations, such as {@code System::nanoTime}
     */
    public CallLog(MeterRegistry registry, LongSupplier nanoTime) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /**
     * Starts recording one call; finish it exactly once with {@link Call#finish}, {@link
     * Call#failed} or {@link Call#outcome}.
     *
     * @param server the server's name
     * @param tool the tool's own name on the server
     * @param user the calling principal's user, or {@code null} when nobody authenticated
     */
    public Call start(String server, String tool, @Nullable String user) {
        inFlight.increment();
        return new Call(Objects.requireNonNull(server, "server"), Objects.requireNonNull(tool, "tool"), user);
    }

    /** Calls started and not finished. */
    public int inFlight() {
        return inFlight.get();
    }

    /**
     * Waits until no call is in flight, at most {@code timeout}.
     *
     * @return whether none is; false after the timeout or when interrupted (the flag is restored)
     */
    public boolean awaitIdle(Duration timeout) {
        return inFlight.awaitZero(timeout);
    }

    private void ended(Call call, String outcome) {
        long nanos = nanoTime.getAsLong() - call.startNanos;
        timer(call.server, outcome).record(nanos, TimeUnit.NANOSECONDS);
        log.info(
                "call server={} tool={} outcome={} duration_ms={} user={}",
                CallMeters.quoted(call.server),
                CallMeters.quoted(call.tool),
                outcome,
                TimeUnit.NANOSECONDS.toMillis(nanos),
                call.user == null ? "-" : CallMeters.quoted(call.user));
        inFlight.decrement();
    }

    private Timer timer(String server, String outcome) {
        return timers.computeIfAbsent(server, s -> new ConcurrentHashMap<>())
                .computeIfAbsent(outcome, o -> CallMeters.timer(registry, server, o));
    }

    /** One call being recorded. Finishing it a second time does nothing. Thread-safe. */
    public final class Call {
        private final String server;
        private final String tool;
        private final @Nullable String user;
        private final long startNanos = nanoTime.getAsLong();
        private final AtomicBoolean done = new AtomicBoolean();

        private Call(String server, String tool, @Nullable String user) {
            this.server = server;
            this.tool = tool;
            this.user = user;
        }

        /** Ends the call with its result: {@code tool_error} when {@code isError} is true, else {@code success}. */
        public void finish(tools.jackson.databind.JsonNode result) {
            outcome(result.path("isError").asBoolean(false) ? CallOutcomes.TOOL_ERROR : CallOutcomes.SUCCESS);
        }

        /** Ends the call with the outcome {@code failure} stands for (see {@link CallOutcomes#of}). */
        public void failed(Throwable failure) {
            outcome(CallOutcomes.of(failure));
        }

        /** Ends the call with {@code outcome}, one of the {@link CallOutcomes} values. */
        public void outcome(String outcome) {
            if (done.compareAndSet(false, true)) {
                ended(this, Objects.requireNonNull(outcome, "outcome"));
            }
        }
    }
}
