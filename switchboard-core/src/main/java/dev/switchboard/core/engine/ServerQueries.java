package dev.switchboard.core.engine;

import dev.switchboard.core.config.Timeouts;
import dev.switchboard.core.lifecycle.ServerHealth;
import dev.switchboard.core.lifecycle.ServerState;
import dev.switchboard.core.lifecycle.SupervisionSettings;
import dev.switchboard.mcp.client.McpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Work over many servers at once, each on a virtual thread, waited for together and bounded in
 * time as a whole: connecting them, and checking their health. A slow server never makes the
 * others wait longer.
 */
final class ServerQueries {
    private final Executor executor;
    private final SupervisionSettings supervision;

    ServerQueries(Executor executor, SupervisionSettings supervision) {
        this.executor = executor;
        this.supervision = supervision;
    }

    /**
     * Connects every enabled endpoint's supervisor and waits for its tools to be listed, at most
     * {@code timeout} in all.
     */
    void connect(Collection<ServerEndpoint> endpoints, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<CompletableFuture<?>> work = new ArrayList<>();
        for (ServerEndpoint endpoint : endpoints) {
            if (endpoint.config().settings().enabled()) {
                work.add(run(() -> connectOne(endpoint, deadline)));
            }
        }
        awaitAll(work, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    /**
     * Connects the enabled endpoints that were never used (state {@link ServerState#IDLE}), waiting
     * at most the longest of their connect and initialize timeouts.
     *
     * @return whether there was any
     */
    boolean connectIdle(Collection<ServerEndpoint> endpoints) {
        List<ServerEndpoint> idle = endpoints.stream()
                .filter(e -> e.config().settings().enabled())
                .filter(e -> e.supervisor().status().state() == ServerState.IDLE)
                .toList();
        if (idle.isEmpty()) {
            return false;
        }
        Duration longest = Duration.ZERO;
        for (ServerEndpoint endpoint : idle) {
            Timeouts t = endpoint.config().settings().timeouts();
            Duration budget = t.connect().plus(t.initialize());
            longest = budget.compareTo(longest) > 0 ? budget : longest;
        }
        connect(idle, longest);
        return true;
    }

    /**
     * Connects {@code endpoint}'s shared connection and waits until what it offers is listed, at most
     * its connect and initialize timeouts for each.
     *
     * @throws dev.switchboard.core.lifecycle.ServerConnectException when it cannot be connected
     */
    void discover(ServerEndpoint endpoint) {
        Timeouts t = endpoint.config().settings().timeouts();
        McpClient client = endpoint.supervisor().client();
        endpoint.discovery().awaitListed(client, t.connect().plus(t.initialize()));
    }

    private static void connectOne(ServerEndpoint endpoint, long deadline) {
        McpClient client;
        try {
            client = endpoint.supervisor().client();
        } catch (RuntimeException e) {
            return; // the supervisor's status says why
        }
        endpoint.discovery().awaitListed(client, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    /** Pings every endpoint's server at once; at most the health check timeout in all. */
    List<ServerHealth> health(Collection<ServerEndpoint> endpoints) {
        List<CompletableFuture<List<ServerHealth>>> checks = new ArrayList<>();
        for (ServerEndpoint endpoint : endpoints) {
            CompletableFuture<List<ServerHealth>> check = new CompletableFuture<>();
            checks.add(check);
            run(() -> check.complete(endpoint.registry().healthCheck()));
        }
        // each check is bounded by the same timeout; the margin covers starting the threads
        awaitAll(List.copyOf(checks), supervision.healthCheckTimeout().plusSeconds(1));
        List<ServerHealth> results = new ArrayList<>();
        for (CompletableFuture<List<ServerHealth>> check : checks) {
            List<ServerHealth> done = check.getNow(null);
            if (done != null) {
                results.addAll(done);
            }
        }
        return results;
    }

    private CompletableFuture<?> run(Runnable task) {
        try {
            return CompletableFuture.runAsync(task, executor);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    static void awaitAll(List<? extends CompletableFuture<?>> work, Duration timeout) {
        try {
            CompletableFuture.allOf(work.toArray(CompletableFuture[]::new))
                    .get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // what did not finish is reported as it stands
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
