package dev.switchboard.mcp.session;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.jsonrpc.JsonRpcCodec;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Settings of one session.
 *
 * @param name a short name for logs and errors, such as the server's name
 * @param requestTimeout the default timeout of outgoing requests; positive
 * @param timer runs timeouts
 * @param handlerExecutor runs request handlers, one task per incoming request (virtual threads)
 * @param codec reads and writes messages
 */
public record SessionOptions(
        String name,
        Duration requestTimeout,
        ScheduledExecutorService timer,
        Executor handlerExecutor,
        JsonRpcCodec codec) {

    /** The default request timeout: 60 seconds. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);

    /** Checks every field. */
    public SessionOptions {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "requestTimeout: " + requestTimeout + " (expected: a positive duration)");
        }
        Objects.requireNonNull(timer, "timer");
        Objects.requireNonNull(handlerExecutor, "handlerExecutor");
        Objects.requireNonNull(codec, "codec");
    }

    /** Options named {@code name} using the runtime's threads and codec and the default timeout. */
    public static SessionOptions of(McpRuntime runtime, String name) {
        return new SessionOptions(
                name, DEFAULT_REQUEST_TIMEOUT, runtime.timer(), runtime.virtualThreads(), runtime.codec());
    }

    /** These options with another default request timeout. */
    public SessionOptions withRequestTimeout(Duration timeout) {
        return new SessionOptions(name, timeout, timer, handlerExecutor, codec);
    }
}
