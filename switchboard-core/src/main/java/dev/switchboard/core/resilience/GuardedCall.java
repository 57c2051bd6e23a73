package dev.switchboard.core.resilience;

import dev.switchboard.mcp.session.McpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call through a {@link ServerGuard}: its tries, each with its own permits and timeout, the
 * pauses between them, and the caller's cancellation. Tries run one after another, never
 * overlapping.
 */
final class GuardedCall<T> {
    private static final Logger log = LoggerFactory.getLogger(GuardedCall.class);

    private final ServerGuard guard;
    private final CallKind kind;
    private final Duration timeout;
    private final Supplier<? extends CompletionStage<T>> call;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private volatile int retries;
    private volatile @Nullable Attempt current;
    private volatile @Nullable ScheduledFuture<?> pendingRetry;

    GuardedCall(ServerGuard guard, CallKind kind, Duration timeout, Supplier<? extends CompletionStage<T>> call) {
        this.guard = guard;
        this.kind = kind;
        this.timeout = timeout;
        this.call = call;
    }

    CompletableFuture<T> start() {
        result.whenComplete((value, error) -> {
            if (error instanceof CancellationException) {
                stop();
            }
        });
        tryOnce();
        return result;
    }

    /** The caller cancelled: stop the try in flight and any retry still waiting. */
    private void stop() {
        ScheduledFuture<?> retry = pendingRetry;
        if (retry != null) {
            retry.cancel(false);
        }
        Attempt attempt = current;
        if (attempt != null) {
            attempt.outcome.cancel(false);
        }
    }

    private void tryOnce() {
        if (result.isDone()) {
            return;
        }
        ServerGuard.Permit permit;
        try {
            permit = guard.acquire();
        } catch (CallRejectedException e) {
            result.completeExceptionally(e);
            return;
        }
        Attempt attempt = new Attempt(permit);
        current = attempt;
        attempt.start();
        if (result.isCancelled()) {
            attempt.outcome.cancel(false);
        }
    }

    private void failed(FailureClass failure, Throwable error) {
        if (result.isDone()) {
            return;
        }
        if (!failure.retryable(kind) || retries >= guard.settings().retry().maxRetries()) {
            result.completeExceptionally(error);
            return;
        }
        int retry = ++retries;
        Duration pause = guard.nextRetry(retry);
        log.debug(
                "server {}: {} failed ({}), retry {} in {} ms: {}",
                guard.server(),
                kind.label(),
                failure,
                retry,
                pause.toMillis(),
                error.toString());
        try {
            pendingRetry = guard.environment()
                    .timer()
                    .schedule(() -> retryOnExecutor(error), pause.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(error);
            return;
        }
        if (result.isCancelled()) {
            stop();
        }
    }

    /** On the timer: sending may block, so the retry itself runs on the executor. */
    private void retryOnExecutor(Throwable previous) {
        try {
            guard.environment().executor().execute(this::tryOnce);
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(previous);
        }
    }

    /** One try: its outcome completes exactly once, from the call, the timeout, or the caller's cancellation. */
    private final class Attempt {
        private final ServerGuard.Permit permit;
        private final CompletableFuture<T> outcome = new CompletableFuture<>();
        private volatile @Nullable CompletableFuture<T> underlying;
        private volatile @Nullable ScheduledFuture<?> deadline;

        Attempt(ServerGuard.Permit permit) {
            this.permit = permit;
        }

        void start() {
            outcome.whenComplete(this::finished);
            try {
                deadline =
                        guard.environment().timer().schedule(this::timedOut, timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                outcome.completeExceptionally(e);
                return;
            }
            if (outcome.isDone()) {
                stopClock();
                return;
            }
            CompletableFuture<T> f;
            try {
                CompletionStage<T> stage = call.get();
                if (stage == null) {
                    throw new IllegalStateException("the guarded call returned no future");
                }
                f = stage.toCompletableFuture();
            } catch (RuntimeException e) {
                outcome.completeExceptionally(e);
                return;
            }
            underlying = f;
            f.whenComplete((value, error) -> {
                if (error == null) {
                    outcome.complete(value);
                } else {
                    outcome.completeExceptionally(FailureClass.unwrap(error));
                }
            });
            if (outcome.isDone()) {
                // timed out or cancelled while the call was being started
                cancelUnderlying(f);
            }
        }

        private void timedOut() {
            outcome.completeExceptionally(new McpTimeoutException(kind.label() + " to " + guard.server(), timeout));
        }

        private void stopClock() {
            ScheduledFuture<?> d = deadline;
            if (d != null) {
                d.cancel(false);
            }
        }

        private void finished(@Nullable T value, @Nullable Throwable error) {
            stopClock();
            CompletableFuture<T> f = underlying;
            if (f != null) {
                cancelUnderlying(f);
            }
            FailureClass failure = error == null ? null : FailureClass.of(error);
            permit.release(failure, error);
            if (failure == null) {
                result.complete(value);
            } else if (error != null) {
                failed(failure, error);
            }
        }

        /** Cancels the request when it is still running; off this thread, since that may send a cancellation. */
        private void cancelUnderlying(CompletableFuture<T> f) {
            if (f.isDone()) {
                return;
            }
            try {
                guard.environment().executor().execute(() -> f.cancel(true));
            } catch (RejectedExecutionException e) {
                f.cancel(true);
            }
        }
    }
}
