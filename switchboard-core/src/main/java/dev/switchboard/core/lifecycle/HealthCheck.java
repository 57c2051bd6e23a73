package dev.switchboard.core.lifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Pings many servers at once and waits for all of them together, never one after another: the
 * whole check takes at most the timeout, however many servers hang.
 */
final class HealthCheck {
    private final Duration timeout;

    HealthCheck(Duration timeout) {
        this.timeout = timeout;
    }

    /** One result per supervisor, in the same order. */
    List<ServerHealth> run(List<ServerSupervisor> supervisors) {
        List<CompletableFuture<ServerHealth>> pings = new ArrayList<>(supervisors.size());
        for (ServerSupervisor s : supervisors) {
            pings.add(s.ping(timeout));
        }
        try {
            CompletableFuture.allOf(pings.toArray(CompletableFuture[]::new))
                    .get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // the pings that did not finish are reported below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<ServerHealth> results = new ArrayList<>(supervisors.size());
        for (int i = 0; i < supervisors.size(); i++) {
            ServerSupervisor s = supervisors.get(i);
            ServerHealth done = pings.get(i).getNow(null);
            results.add(done != null ? done : s.pingUnanswered(timeout));
        }
        return results;
    }
}
