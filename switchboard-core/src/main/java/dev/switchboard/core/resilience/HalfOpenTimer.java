package dev.switchboard.core.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnStateTransitionEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a breaker's transitions: remembers when an open breaker half-opens, and moves it to
 * half-open on the timer when its wait is over, so that its state shows that without any call
 * (the breaker itself only looks at the clock when a call asks for permission). Logs every
 * transition once.
 */
final class HalfOpenTimer {
    private static final Logger log = LoggerFactory.getLogger(HalfOpenTimer.class);

    private final String server;
    private final CircuitBreaker breaker;
    private final Duration openDuration;
    private final GuardEnvironment env;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile @Nullable Instant halfOpenAt;
    private @Nullable ScheduledFuture<?> timer;

    HalfOpenTimer(String server, CircuitBreaker breaker, Duration openDuration, GuardEnvironment env) {
        this.server = server;
        this.breaker = breaker;
        this.openDuration = openDuration;
        this.env = env;
        breaker.getEventPublisher().onStateTransition(this::onTransition);
    }

    /** When the open breaker half-opens, or {@code null} when it is not open (or forced open). */
    @Nullable
    Instant halfOpenAt() {
        return breaker.getState() == CircuitBreaker.State.OPEN ? halfOpenAt : null;
    }

    /** Stops the timer, for a guard that is dropped. */
    void cancel() {
        lock.lock();
        try {
            cancelTimer();
        } finally {
            lock.unlock();
        }
    }

    private void onTransition(CircuitBreakerOnStateTransitionEvent event) {
        CircuitBreaker.StateTransition transition = event.getStateTransition();
        boolean opened = transition.getToState() == CircuitBreaker.State.OPEN;
        lock.lock();
        try {
            // events of racing transitions may arrive out of order: act on the state as it is now
            if (breaker.getState() != CircuitBreaker.State.OPEN) {
                cancelTimer();
            } else if (opened) {
                schedule();
            }
        } finally {
            lock.unlock();
        }
        if (opened) {
            log.warn(
                    "server {}: circuit breaker {}; failure rate {} %; half-opens at {}",
                    server, transition, breaker.getMetrics().getFailureRate(), halfOpenAt);
        } else {
            log.info("server {}: circuit breaker {}", server, transition);
        }
    }

    private void schedule() {
        cancelTimer();
        halfOpenAt = env.clock().instant().plus(openDuration);
        try {
            // one millisecond late: the breaker lets trial calls through once the wait is strictly over
            timer = env.timer().schedule(this::halfOpen, openDuration.toMillis() + 1, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("server {}: timer shut down; the breaker half-opens at the first call after the wait", server);
        }
    }

    private void cancelTimer() {
        ScheduledFuture<?> t = timer;
        if (t != null) {
            t.cancel(false);
        }
        timer = null;
        halfOpenAt = null;
    }

    private void halfOpen() {
        // asking for a permission is the breaker's own race-free way out of OPEN; the permit goes back at once
        if (breaker.getState() == CircuitBreaker.State.OPEN && breaker.tryAcquirePermission()) {
            breaker.releasePermission();
        }
    }
}
