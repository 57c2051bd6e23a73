package dev.switchboard.server.http;

import dev.switchboard.core.NotFoundException;
import dev.switchboard.core.SessionLimitException;
import dev.switchboard.core.catalog.AmbiguousToolException;
import dev.switchboard.core.lifecycle.ServerConnectException;
import dev.switchboard.core.pool.PoolException;
import dev.switchboard.core.pool.PoolTimeoutException;
import dev.switchboard.core.resilience.CircuitOpenException;
import dev.switchboard.core.resilience.ServerBusyException;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import dev.switchboard.mcp.session.McpTimeoutException;
import dev.switchboard.mcp.transport.TransportException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The one place where the engine's failures become HTTP API errors: each exception the {@link
 * dev.switchboard.core.Switchboard} facade documents gets its stable {@link ErrorCode}. Anything
 * else is {@link ErrorCode#INTERNAL}, logged once here with its stack trace, and answered with a
 * message that reveals nothing.
 */
public final class ApiErrors {
    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {}

    /**
     * The API error {@code failure} stands for; unwraps {@link CompletionException} and {@link
     * ExecutionException}. An unexpected failure is logged here, once, with its stack trace.
     */
    public static ApiError of(Throwable failure) {
        Throwable t = unwrap(failure);
        ApiError error = describe(t);
        if (error.code() == ErrorCode.INTERNAL) {
            log.error("Unexpected failure answered as an internal error", t);
        }
        return error;
    }

    /** The code {@code failure} stands for, as {@link #of} would answer it, without logging anything. */
    public static ErrorCode code(Throwable failure) {
        return describe(unwrap(failure)).code();
    }

    private static ApiError describe(Throwable t) {
        return switch (t) {
            case NotFoundException e ->
                ApiError.of(
                                e.kind().equals("server") ? ErrorCode.SERVER_NOT_FOUND : ErrorCode.TOOL_NOT_FOUND,
                                message(e))
                        .with(e.kind(), e.name());
            case AmbiguousToolException e -> {
                ArrayNode candidates = JsonNodeFactory.instance.arrayNode();
                e.candidates().forEach(candidates::add);
                yield ApiError.of(ErrorCode.AMBIGUOUS_TOOL, message(e))
                        .with("tool", e.name())
                        .with("candidates", candidates);
            }
            case ServerConnectException e ->
                ApiError.of(ErrorCode.SERVER_UNAVAILABLE, message(e))
                        .with("server", e.server())
                        .with("phase", e.phase().name().toLowerCase(Locale.ROOT));
            case CircuitOpenException e -> circuitOpen(e);
            case ServerBusyException e ->
                ApiError.of(ErrorCode.SERVER_BUSY, message(e)).with("server", e.server());
            case SessionLimitException e ->
                ApiError.of(ErrorCode.SERVER_BUSY, message(e)).with("server", e.server());
            case PoolTimeoutException e -> ApiError.of(ErrorCode.SERVER_BUSY, message(e));
            case PoolException e -> ApiError.of(ErrorCode.SERVER_UNAVAILABLE, message(e));
            case McpTimeoutException e -> ApiError.of(ErrorCode.TIMEOUT, message(e));
            case JsonRpcException e ->
                ApiError.of(ErrorCode.SERVER_ERROR, message(e))
                        .with(
                                "jsonrpcCode",
                                JsonNodeFactory.instance.numberNode(e.error().code()));
            case TransportException e -> ApiError.of(ErrorCode.SERVER_UNAVAILABLE, message(e));
            default -> ApiError.of(ErrorCode.INTERNAL, "internal error (see the gateway's log)");
        };
    }

    private static ApiError circuitOpen(CircuitOpenException e) {
        ApiError error = ApiError.of(ErrorCode.CIRCUIT_OPEN, message(e))
                .with("server", e.server())
                .with("state", e.state().name().toLowerCase(Locale.ROOT));
        return e.halfOpenAt() == null ? error : error.with("halfOpenAt", String.valueOf(e.halfOpenAt()));
    }

    private static String message(Throwable t) {
        String message = t.getMessage();
        return message == null ? t.getClass().getSimpleName() : message;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        for (int i = 0; i < 8 && (t instanceof CompletionException || t instanceof ExecutionException); i++) {
            Throwable cause = t.getCause();
            if (cause == null) {
                break;
            }
            t = cause;
        }
        return t;
    }
}
