package dev.switchboard.core.pool;

import dev.switchboard.mcp.client.McpClient;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link SessionFactory} on the executor and waits for it at most the create timeout. A
 * caller that stops waiting (timeout, interrupt, pool closed) abandons the creation: the factory
 * call is interrupted, and a session that still arrives is closed, never pooled. The key's slot is
 * freed when the factory call ends, so the key never holds more sessions, open or opening, than its
 * maximum.
 */
final class SessionCreator {
    private static final Logger log = LoggerFactory.getLogger(SessionCreator.class);

    private final SessionFactory factory;
    private final Executor executor;
    private final SessionCloser closer;
    private final Duration timeout;
    private final Set<Creation> inFlight = ConcurrentHashMap.newKeySet();

    SessionCreator(SessionFactory factory, Executor executor, SessionCloser closer, Duration timeout) {
        this.factory = factory;
        this.executor = executor;
        this.closer = closer;
        this.timeout = timeout;
    }

    /**
     * Creates a session in the slot {@code slots} gave the caller. On failure the slot is freed (now
     * or when the factory call ends).
     *
     * @throws SessionCreationException when the factory fails or takes too long
     * @throws PoolException when the pool closes or the caller is interrupted
     */
    McpClient create(KeyPool slots) {
        CompletableFuture<McpClient> result = new CompletableFuture<>();
        Creation creation = new Creation(slots, result);
        inFlight.add(creation);
        try {
            executor.execute(creation);
        } catch (RejectedExecutionException e) {
            inFlight.remove(creation);
            slots.slotFreed();
            throw new SessionCreationException(
                    "session pool: cannot create a session for " + slots.key + ": the executor is shut down",
                    slots.key,
                    false,
                    e);
        }
        try {
            return await(slots.key, result, creation);
        } finally {
            inFlight.remove(creation);
        }
    }

    private McpClient await(PoolKey key, CompletableFuture<McpClient> result, Creation creation) {
        try {
            return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return abandon(key, result, creation, timedOut(key));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return abandon(
                    key,
                    result,
                    creation,
                    new PoolException("session pool: interrupted creating a session for " + key));
        } catch (ExecutionException e) {
            throw failure(key, e.getCause());
        }
    }

    /** Gives up on a creation unless it finished in the meantime, in which case its outcome counts. */
    private McpClient abandon(
            PoolKey key, CompletableFuture<McpClient> result, Creation creation, PoolException reason) {
        if (result.completeExceptionally(reason)) {
            creation.interrupt();
            throw reason;
        }
        try {
            return result.join();
        } catch (CompletionException e) {
            throw failure(key, e.getCause());
        }
    }

    /** Fails every creation still waited for; their sessions are closed when they arrive. */
    void abandonAll(PoolException reason) {
        for (Creation creation : inFlight) {
            if (creation.result.completeExceptionally(reason)) {
                creation.interrupt();
            }
        }
    }

    private SessionCreationException timedOut(PoolKey key) {
        return new SessionCreationException(
                "session pool: creating a session for " + key + " took longer than the create timeout of "
                        + timeout.toMillis() + " ms",
                key,
                true,
                null);
    }

    private static PoolException failure(PoolKey key, @Nullable Throwable cause) {
        if (cause instanceof PoolException pool) {
            return pool;
        }
        String reason = cause == null ? "unknown" : cause.getMessage() != null ? cause.getMessage() : cause.toString();
        return new SessionCreationException(
                "session pool: cannot create a session for " + key + ": " + reason, key, false, cause);
    }

    /** One factory call on the executor. */
    private final class Creation implements Runnable {
        private final KeyPool slots;
        final CompletableFuture<McpClient> result;
        private final ReentrantLock runnerLock = new ReentrantLock();
        private @Nullable Thread runner;

        Creation(KeyPool slots, CompletableFuture<McpClient> result) {
            this.slots = slots;
            this.result = result;
        }

        @Override
        public void run() {
            setRunner(Thread.currentThread());
            McpClient client = null;
            Throwable failure = null;
            try {
                client = factory.create(slots.key);
            } catch (Throwable t) {
                failure = t;
            } finally {
                setRunner(null);
                // An interrupt meant for the factory call must not leak into the thread's next task.
                Thread.interrupted();
            }
            finish(client, failure);
        }

        private void finish(@Nullable McpClient client, @Nullable Throwable failure) {
            if (client != null && result.complete(client)) {
                return;
            }
            if (client != null) {
                log.debug("session pool: closing a session for {} that arrived after its caller gave up", slots.key);
                closer.close(client);
            } else {
                result.completeExceptionally(
                        failure != null ? failure : new NullPointerException("factory returned null"));
            }
            slots.slotFreed();
        }

        private void setRunner(@Nullable Thread thread) {
            runnerLock.lock();
            try {
                runner = thread;
            } finally {
                runnerLock.unlock();
            }
        }

        void interrupt() {
            runnerLock.lock();
            try {
                if (runner != null) {
                    runner.interrupt();
                }
            } finally {
                runnerLock.unlock();
            }
        }
    }
}
