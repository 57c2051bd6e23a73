package dev.switchboard.mcp.client.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/** Waits for a session future in tests, rethrowing its failure as it is. */
final class McpClientAwait {
    private McpClientAwait() {}

    static <T> T get(CompletableFuture<T> future) {
        try {
            return future.orTimeout(30, TimeUnit.SECONDS).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }
}
