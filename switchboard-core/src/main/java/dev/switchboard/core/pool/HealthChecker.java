package dev.switchboard.core.pool;

import dev.switchboard.mcp.client.McpClient;
import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import dev.switchboard.mcp.session.McpTimeoutException;
import dev.switchboard.mcp.session.RequestOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Runs the health-check chain on a session: the first answer passes it; "method not found" or no
 * answer within the step timeout moves on to the next step; any other error fails it, as does a
 * chain that runs out of steps.
 */
final class HealthChecker {
    private static final Logger log = LoggerFactory.getLogger(HealthChecker.class);
    /** Beyond the session's own timeout, which normally ends the wait, a guard against a lost one. */
    private static final long GUARD_NANOS = TimeUnit.SECONDS.toNanos(1);

    private enum Outcome {
        PASSED,
        MOVE_ON,
        FAILED
    }

    private final List<HealthCheck> chain;
    private final RequestOptions requestOptions;
    private final long waitNanos;

    HealthChecker(List<HealthCheck> chain, Duration stepTimeout) {
        this.chain = List.copyOf(chain);
        this.requestOptions = RequestOptions.defaults().withTimeout(stepTimeout);
        this.waitNanos = stepTimeout.toNanos() + GUARD_NANOS;
    }

    /** Whether {@code client}'s session passes the chain. */
    boolean passes(PoolKey key, McpClient client) {
        for (HealthCheck check : chain) {
            String method = check.method();
            if (method == null) {
                log.debug("session pool: health check of {} skipped", key);
                return true;
            }
            Outcome outcome = step(key, client, method);
            if (outcome != Outcome.MOVE_ON) {
                return outcome == Outcome.PASSED;
            }
        }
        log.debug("session pool: every health check of {} was unsupported or unanswered {}", key, chain);
        return false;
    }

    private Outcome step(PoolKey key, McpClient client, String method) {
        CompletableFuture<JsonNode> answer = client.session().request(method, null, requestOptions);
        try {
            answer.get(waitNanos, TimeUnit.NANOSECONDS);
            return Outcome.PASSED;
        } catch (ExecutionException e) {
            return onError(key, method, e.getCause());
        } catch (TimeoutException e) {
            answer.cancel(true);
            log.debug("session pool: health check {} of {} got no answer, trying the next", method, key);
            return Outcome.MOVE_ON;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
            return Outcome.FAILED;
        }
    }

    private static Outcome onError(PoolKey key, String method, @Nullable Throwable cause) {
        if (cause instanceof McpTimeoutException) {
            log.debug("session pool: health check {} of {} timed out, trying the next", method, key);
            return Outcome.MOVE_ON;
        }
        if (cause instanceof JsonRpcException rpc && rpc.error().code() == JsonRpcError.METHOD_NOT_FOUND) {
            log.debug("session pool: {} does not support {}, trying the next check", key, method);
            return Outcome.MOVE_ON;
        }
        log.debug("session pool: health check {} of {} failed: {}", method, key, String.valueOf(cause));
        return Outcome.FAILED;
    }
}
