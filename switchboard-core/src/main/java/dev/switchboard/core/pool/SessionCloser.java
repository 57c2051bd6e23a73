package dev.switchboard.core.pool;

import dev.switchboard.mcp.client.McpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes sessions off the caller's thread: closing a stdio session waits for the process to exit,
 * which a borrower giving back a session, or the reaper on the shared timer, must not wait for.
 */
final class SessionCloser {
    private static final Logger log = LoggerFactory.getLogger(SessionCloser.class);

    private final Executor executor;

    SessionCloser(Executor executor) {
        this.executor = executor;
    }

    /** Closes {@code client} in the background (inline when the executor refuses). */
    void close(McpClient client) {
        try {
            executor.execute(() -> closeQuietly(client));
        } catch (RejectedExecutionException e) {
            closeQuietly(client);
        }
    }

    /** Closes every client in parallel and waits at most {@code timeout} for all of them. */
    void closeAll(List<McpClient> clients, Duration timeout) {
        List<CompletableFuture<Void>> closing = new ArrayList<>(clients.size());
        for (McpClient client : clients) {
            try {
                closing.add(CompletableFuture.runAsync(() -> closeQuietly(client), executor));
            } catch (RejectedExecutionException e) {
                closeQuietly(client);
            }
        }
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new))
                    .get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException e) {
            long open = closing.stream().filter(f -> !f.isDone()).count();
            log.warn(
                    "session pool: {} of {} sessions still closing after {} ms",
                    open,
                    clients.size(),
                    timeout.toMillis());
        } catch (ExecutionException e) {
            log.debug("session pool: closing sessions failed", e);
        }
    }

    private static void closeQuietly(McpClient client) {
        try {
            client.close();
        } catch (RuntimeException e) {
            log.debug(
                    "session pool: closing session {} failed", client.session().name(), e);
        }
    }
}
