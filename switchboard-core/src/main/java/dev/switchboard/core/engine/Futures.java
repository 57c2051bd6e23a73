package dev.switchboard.core.engine;

import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting for futures the way a synchronous caller wants: the exception itself, not a wrapper. */
final class Futures {
    private static final int MAX_CAUSES = 16;
    /** Only guards against a future nothing completes; every real wait has a shorter bound. */
    private static final long BACKSTOP_HOURS = 1;

    private Futures() {}

    /** The exception a caller should see: without the wrappers futures add. */
    static Throwable unwrap(Throwable failure) {
        Throwable e = failure;
        for (int i = 0; i < MAX_CAUSES; i++) {
            Throwable cause = e.getCause();
            if (!(e instanceof CompletionException || e instanceof ExecutionException) || cause == null) {
                return e;
            }
            e = cause;
        }
        return e;
    }

    /**
     * Completes {@code outer} as {@code inner} completes (failures unwrapped), and cancels {@code
     * inner} when {@code outer} is cancelled.
     */
    static <T> void relay(CompletableFuture<T> inner, CompletableFuture<T> outer) {
        outer.whenComplete((value, failure) -> {
            if (outer.isCancelled()) {
                inner.cancel(true);
            }
        });
        inner.whenComplete((value, failure) -> {
            if (failure == null) {
                outer.complete(value);
            } else {
                outer.completeExceptionally(unwrap(failure));
            }
        });
    }

    /**
     * Waits for {@code future} and returns its value, or throws its failure unwrapped. An
     * interrupt cancels the future and sets the interrupt flag again.
     */
    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(BACKSTOP_HOURS, TimeUnit.HOURS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new CancellationException("interrupted while waiting for the call");
        } catch (ExecutionException e) {
            Throwable cause = unwrap(e);
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new JsonRpcException(JsonRpcError.INTERNAL_ERROR, String.valueOf(cause));
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new JsonRpcException(JsonRpcError.REQUEST_TIMEOUT, "no response within an hour");
        }
    }
}
