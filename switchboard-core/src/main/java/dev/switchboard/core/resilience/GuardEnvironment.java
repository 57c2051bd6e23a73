package dev.switchboard.core.resilience;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.DoubleSupplier;

/**
 * What guards run on: the clock the breakers read, the timer for timeouts, retries and the
 * half-open transition (its tasks never block), the executor for work that may block (sending a
 * retry, cancelling a request), and the random draws for backoff jitter.
 */
record GuardEnvironment(Clock clock, ScheduledExecutorService timer, Executor executor, DoubleSupplier random) {

    GuardEnvironment {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(timer, "timer");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(random, "random");
    }
}
