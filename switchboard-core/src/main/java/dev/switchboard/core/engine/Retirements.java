package dev.switchboard.core.engine;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retires endpoints that a reload replaced or removed, off the caller's thread: each stops taking
 * requests, gets at most the drain timeout for those in flight, then closes (its pool, its owned
 * connections, its supervisor's process) within the close timeout. Thread-safe.
 */
final class Retirements {
    private static final Logger log = LoggerFactory.getLogger(Retirements.class);

    private final Executor executor;
    private final Duration drainTimeout;
    private final Duration closeTimeout;
    private final Set<CompletableFuture<@Nullable Void>> pending = ConcurrentHashMap.newKeySet();

    Retirements(Executor executor, Duration drainTimeout, Duration closeTimeout) {
        this.executor = executor;
        this.drainTimeout = drainTimeout;
        this.closeTimeout = closeTimeout;
    }

    /** Drains and closes {@code endpoint} in the background. */
    void retire(ServerEndpoint endpoint, String why) {
        CompletableFuture<@Nullable Void> done = new CompletableFuture<>();
        pending.add(done);
        done.whenComplete((v, e) -> pending.remove(done));
        Runnable work = () -> {
            try {
                drainAndClose(endpoint, why);
            } finally {
                done.complete(null);
            }
        };
        try {
            executor.execute(work);
        } catch (RejectedExecutionException e) {
            work.run();
        }
    }

    private void drainAndClose(ServerEndpoint endpoint, String why) {
        int inFlight = endpoint.inFlight();
        if (!endpoint.drain(drainTimeout)) {
            log.warn(
                    "server {} ({}): {} calls still in flight after the drain timeout of {} ms; closing anyway",
                    endpoint.name(),
                    why,
                    endpoint.inFlight(),
                    drainTimeout.toMillis());
        }
        try {
            endpoint.close(closeTimeout);
        } catch (RuntimeException e) {
            log.warn("server {} ({}): closing the old endpoint failed", endpoint.name(), why, e);
        }
        log.info(
                "server {} ({}): old endpoint closed after {} calls in flight drained", endpoint.name(), why, inFlight);
    }

    /** How many retirements are still running. */
    int pending() {
        return pending.size();
    }

    /** Waits at most {@code timeout} for the retirements still running. */
    void await(Duration timeout) {
        CompletableFuture<?>[] all = pending.toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(all).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            log.warn("{} retiring servers were still closing when the wait ended", pending.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
