package dev.switchboard.core.engine;

import dev.switchboard.core.lifecycle.SupervisionSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops every endpoint, bounded by the shutdown timeout in all: all stop taking requests and drain
 * at once (at most the drain timeout), then each closes in reverse configuration order (at most the
 * close timeout each); when the total runs out, the rest close all at once in the background. Then
 * it waits for retirements still running from earlier reloads, with what time is left.
 */
final class EngineShutdown {
    private static final Logger log = LoggerFactory.getLogger(EngineShutdown.class);

    private final SupervisionSettings supervision;
    private final Executor executor;

    EngineShutdown(SupervisionSettings supervision, Executor executor) {
        this.supervision = supervision;
        this.executor = executor;
    }

    void stop(List<ServerEndpoint> endpoints, Retirements retirements) {
        long deadline = System.nanoTime() + supervision.shutdownTimeout().toNanos();
        List<CompletableFuture<?>> drains = new ArrayList<>();
        Duration drainBudget = min(supervision.drainTimeout(), remaining(deadline));
        for (ServerEndpoint endpoint : endpoints) {
            drains.add(run(() -> endpoint.drain(drainBudget)));
        }
        ServerQueries.awaitAll(drains, drainBudget);
        for (ServerEndpoint endpoint : endpoints.reversed()) {
            Duration left = remaining(deadline);
            CompletableFuture<?> closing = run(() -> endpoint.close(supervision.closeTimeout()));
            if (left.isZero()) {
                continue; // out of time: the rest close in the background
            }
            ServerQueries.awaitAll(List.of(closing), min(supervision.closeTimeout(), left));
            if (!closing.isDone()) {
                log.warn("server {}: still closing after {} ms; going on", endpoint.name(), left.toMillis());
            }
        }
        retirements.await(remaining(deadline));
    }

    private CompletableFuture<?> run(Runnable task) {
        try {
            return CompletableFuture.runAsync(task, executor);
        } catch (RejectedExecutionException e) {
            task.run();
            return CompletableFuture.completedFuture(null);
        }
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
