package dev.switchboard.core.resilience;

import dev.switchboard.core.config.BreakerSettings;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every call to one server passes through its guard: a circuit breaker that fails calls fast
 * while the server keeps failing, a bulkhead that bounds the calls in flight, a timeout per try,
 * and retries where they are safe (see {@link RetrySettings}). Get one from {@link
 * ResilienceRegistry#guard}.
 *
 * <p>The breaker keeps a count-based window of the last {@code breaker.minimumCalls} calls and
 * opens when at least {@code breaker.failureRateThreshold} percent of them failed. Open, it fails
 * calls fast for {@code breaker.openDuration}, then half-opens and lets {@code
 * breaker.halfOpenCalls} trial calls through, whose failure rate closes it or opens it again.
 * Which failures count is described in the {@linkplain dev.switchboard.core.resilience package
 * documentation}.
 *
 * <p>Thread-safe. Returned futures complete on the thread that completed the underlying call, or
 * on the timer thread (timeouts): callbacks must not block.
 */
public final class ServerGuard {
    private static final Logger log = LoggerFactory.getLogger(ServerGuard.class);
    // Tools may legitimately run long: the breaker judges failures, never durations.
    private static final Duration NEVER_SLOW = Duration.ofDays(365);

    private final String server;
    private final GuardSettings settings;
    private final GuardEnvironment env;
    private final CircuitBreaker breaker;
    private final Bulkhead bulkhead;
    private final LongAdder[] outcomes = new LongAdder[CallOutcome.values().length];
    private final LongAdder retries = new LongAdder();
    private final HalfOpenTimer halfOpenTimer;

    ServerGuard(String server, GuardSettings settings, GuardEnvironment env) {
        this.server = Objects.requireNonNull(server, "server");
        this.settings = settings;
        this.env = env;
        this.breaker = CircuitBreaker.of(server, breakerConfig(settings.breaker(), env.clock()));
        this.bulkhead = Bulkhead.of(
                server,
                BulkheadConfig.custom()
                        .maxConcurrentCalls(settings.bulkhead().maxConcurrentCalls())
                        .maxWaitDuration(Duration.ZERO)
                        .build());
        for (int i = 0; i < outcomes.length; i++) {
            outcomes[i] = new LongAdder();
        }
        this.halfOpenTimer =
                new HalfOpenTimer(server, breaker, settings.breaker().openDuration(), env);
    }

    private static CircuitBreakerConfig breakerConfig(BreakerSettings b, Clock clock) {
        return CircuitBreakerConfig.custom()
                .slidingWindow(b.minimumCalls(), b.minimumCalls(), CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(b.failureRateThreshold())
                .waitDurationInOpenState(b.openDuration())
                .permittedNumberOfCallsInHalfOpenState(b.halfOpenCalls())
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .slowCallRateThreshold(100)
                .slowCallDurationThreshold(NEVER_SLOW)
                .clock(clock)
                .currentTimestampFunction(Clock::millis, TimeUnit.MILLISECONDS)
                .build();
    }

    /** The server's name. */
    public String server() {
        return server;
    }

    /**
     * Runs {@code call} through the guard with the configured timeout of {@code kind} ({@code
     * timeouts.initialize} for {@link CallKind#INITIALIZE}, else {@code timeouts.call}).
     *
     * @see #call(CallKind, Duration, Supplier)
     */
    public <T> CompletableFuture<T> call(CallKind kind, Supplier<? extends CompletionStage<T>> call) {
        return call(kind, settings.timeout(kind), call);
    }

    /**
     * Runs {@code call} through the guard. Each try first needs the breaker's permission (else the
     * future fails with {@link CircuitOpenException}) and a bulkhead permit (else {@link
     * ServerBusyException}); nothing is queued. A try that has not completed after {@code timeout}
     * (capped at the configured timeout of {@code kind}) is cancelled and fails with a {@link
     * dev.switchboard.mcp.session.McpTimeoutException}, which counts against the server. A failed
     * try is retried after a backoff when that is safe; the future then fails with the last try's
     * exception as it was raised (a {@link dev.switchboard.mcp.transport.TransportException}, a
     * {@link dev.switchboard.mcp.jsonrpc.JsonRpcException}, ...), or with the guard's refusal when
     * the breaker opened before a retry.
     *
     * <p>Cancelling the returned future cancels the try in flight (and so the request, when {@code
     * call} returns the future of {@link dev.switchboard.mcp.session.McpSession#request}) and any
     * pending retry; a cancelled try releases its permits and counts neither way.
     *
     * @param kind what the call does, which decides whether it may be retried
     * @param timeout the most one try may take; positive
     * @param call starts one try each time it is invoked; invoked on the caller's thread for the
     *     first try and on the guard's executor for retries
     * @throws IllegalArgumentException when {@code timeout} is not positive
     * @throws NullPointerException when an argument is null
     */
    public <T> CompletableFuture<T> call(CallKind kind, Duration timeout, Supplier<? extends CompletionStage<T>> call) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(call, "call");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout: " + timeout + " (expected: a positive duration)");
        }
        Duration limit = settings.timeout(kind);
        return new GuardedCall<>(this, kind, timeout.compareTo(limit) < 0 ? timeout : limit, call).start();
    }

    /** The breaker's state and numbers and the bulkhead's use, now. */
    public BreakerStatus status() {
        CircuitBreaker.Metrics m = breaker.getMetrics();
        BreakerState state = BreakerState.of(breaker.getState());
        int max = bulkhead.getBulkheadConfig().getMaxConcurrentCalls();
        return new BreakerStatus(
                server,
                state,
                m.getFailureRate(),
                m.getNumberOfBufferedCalls(),
                m.getNumberOfFailedCalls(),
                m.getNumberOfNotPermittedCalls(),
                halfOpenTimer.halfOpenAt(),
                max - bulkhead.getMetrics().getAvailableConcurrentCalls(),
                max);
    }

    /** Closes the breaker and forgets every recorded call. Calls in flight are not affected. */
    public void reset() {
        breaker.reset();
        log.info("server {}: circuit breaker reset", server);
    }

    /** How many tries ended with {@code outcome} since the guard was made. */
    long count(CallOutcome outcome) {
        return outcomes[outcome.ordinal()].sum();
    }

    /** How many retries were started since the guard was made. */
    long retries() {
        return retries.sum();
    }

    GuardSettings settings() {
        return settings;
    }

    GuardEnvironment environment() {
        return env;
    }

    /** Counts a retry and returns the pause before it. */
    Duration nextRetry(int retry) {
        retries.increment();
        return Backoff.delay(settings.retry(), retry, env.random().getAsDouble());
    }

    /**
     * The breaker's permission and a bulkhead permit for one try.
     *
     * @throws CircuitOpenException when the breaker refuses
     * @throws ServerBusyException when the bulkhead is full
     */
    Permit acquire() {
        if (!breaker.tryAcquirePermission()) {
            outcomes[CallOutcome.CIRCUIT_OPEN.ordinal()].increment();
            throw circuitOpen();
        }
        if (!tryEnterBulkhead()) {
            breaker.releasePermission();
            outcomes[CallOutcome.BUSY.ordinal()].increment();
            throw new ServerBusyException(server, settings.bulkhead().maxConcurrentCalls());
        }
        return new Permit(breaker.getCurrentTimestamp());
    }

    /** A bulkhead permit without waiting; an interrupted caller is not mistaken for a full bulkhead. */
    private boolean tryEnterBulkhead() {
        // the semaphore refuses an interrupted thread even with permits free, and we never wait anyway
        boolean interrupted = Thread.interrupted();
        try {
            return bulkhead.tryAcquirePermission();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private CircuitOpenException circuitOpen() {
        BreakerState state = BreakerState.of(breaker.getState());
        Instant at = halfOpenTimer.halfOpenAt();
        String prefix = "server " + server + ": circuit breaker " + state;
        String message = switch (state) {
            case OPEN ->
                prefix + " after " + breaker.getMetrics().getNumberOfFailedCalls() + " of "
                        + breaker.getMetrics().getNumberOfBufferedCalls() + " calls failed (failure rate "
                        + breaker.getMetrics().getFailureRate() + " %, expected: below "
                        + settings.breaker().failureRateThreshold() + " %); calls fail fast until it half-opens"
                        + (at == null ? "" : " at " + at);
            case HALF_OPEN ->
                prefix + " with all " + settings.breaker().halfOpenCalls()
                        + " trial calls in flight; calls fail fast until they decide";
            case FORCED_OPEN -> prefix + "; calls fail fast until it is reset";
            case CLOSED, DISABLED -> prefix + " refused the call";
        };
        return new CircuitOpenException(server, state, at, message);
    }

    void cancelTimers() {
        halfOpenTimer.cancel();
    }

    @Override
    public String toString() {
        return "ServerGuard[" + server + ", " + breaker.getState() + ", in flight "
                + (bulkhead.getBulkheadConfig().getMaxConcurrentCalls()
                        - bulkhead.getMetrics().getAvailableConcurrentCalls())
                + "]";
    }

    /** One try's hold on the breaker and the bulkhead; released exactly once. */
    final class Permit {
        private final long start;

        private Permit(long start) {
            this.start = start;
        }

        /** Releases the bulkhead permit and tells the breaker how the try ended ({@code failure} null: success). */
        void release(@Nullable FailureClass failure, @Nullable Throwable error) {
            bulkhead.onComplete();
            long duration = Math.max(0, breaker.getCurrentTimestamp() - start);
            if (failure == null || failure == FailureClass.ANSWERED) {
                breaker.onSuccess(duration, breaker.getTimestampUnit());
            } else if (failure.countsAgainstServer()) {
                breaker.onError(
                        duration,
                        breaker.getTimestampUnit(),
                        error != null ? error : new IllegalStateException(failure.name()));
            } else {
                breaker.releasePermission();
            }
            outcomes[CallOutcome.of(failure).ordinal()].increment();
        }
    }
}
