package dev.switchboard.core.lifecycle;

import dev.switchboard.mcp.protocol.McpMethods;
import dev.switchboard.mcp.session.RequestOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Pings one server for health checks and connection tests and records each outcome in its status:
 * an answer is a success (a degraded server is ready again), no answer is a {@link
 * ErrorPhase#RUNTIME} failure. Never starts a connection. Thread-safe.
 */
final class Pings {
    private final String name;
    private final ServerLink link;
    private final Clock clock;
    private final Supplier<ServerStatus> status;

    Pings(String name, ServerLink link, Clock clock, Supplier<ServerStatus> status) {
        this.name = name;
        this.link = link;
        this.clock = clock;
        this.status = status;
    }

    /** Pings the server if connected; the result never fails. */
    CompletableFuture<ServerHealth> ping(Duration timeout) {
        ServerConnection c = link.current();
        if (c == null) {
            ServerStatus s = status.get();
            return CompletableFuture.completedFuture(
                    new ServerHealth(name, false, null, "not connected (state: " + s.state() + ")", s));
        }
        Instant start = clock.instant();
        return send(c, timeout).handle((result, failure) -> answered(start, failure));
    }

    /** Pings {@code c} and waits for the answer; whether it came within {@code timeout}. */
    boolean pingNow(ServerConnection c, Duration timeout) {
        Instant start = clock.instant();
        try {
            send(c, timeout).get(timeout.toNanos() * 2, TimeUnit.NANOSECONDS);
            answered(start, null);
            return true;
        } catch (ExecutionException e) {
            answered(start, e.getCause());
            return false;
        } catch (TimeoutException e) {
            answered(start, e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Records a ping that got no answer within {@code timeout}. */
    ServerHealth unanswered(Duration timeout) {
        String message = "ping: no answer within " + timeout.toMillis() + " ms";
        Instant now = clock.instant();
        link.updateHealth(h -> h.callFailed(ErrorPhase.RUNTIME, message, now));
        return new ServerHealth(name, false, null, message, status.get());
    }

    private static CompletableFuture<?> send(ServerConnection c, Duration timeout) {
        return c.client()
                .session()
                .request(McpMethods.PING, null, RequestOptions.defaults().withTimeout(timeout));
    }

    private ServerHealth answered(Instant start, @Nullable Throwable failure) {
        Instant now = clock.instant();
        if (failure == null) {
            link.updateHealth(h -> h.succeeded(now));
            return new ServerHealth(name, true, Duration.between(start, now), null, status.get());
        }
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        String message = "ping failed: " + cause.getMessage();
        link.updateHealth(h -> h.callFailed(ErrorPhase.RUNTIME, message, now));
        return new ServerHealth(name, false, null, message, status.get());
    }
}
