package dev.switchboard.core.resilience;

import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import dev.switchboard.mcp.transport.TransportException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * What a failed call says about the server: whether it counts against the server's circuit
 * breaker, and whether the call may be tried again. {@link #of} is the one place that decides.
 */
enum FailureClass {
    /** A transport failure before the request reached the server (or that it refused unprocessed). */
    UNPROCESSED(true),
    /** A transport failure after the request may have reached the server. */
    TRANSPORT(true),
    /** No answer in time. */
    TIMEOUT(true),
    /** The server answered {@code INTERNAL_ERROR}. */
    SERVER_ERROR(true),
    /** The server answered with another JSON-RPC error: the caller's mistake, the server works. */
    ANSWERED(false),
    /** The caller cancelled the call. */
    CANCELLED(false),
    /** Anything else: counted, since the path to the server is broken somehow, but never retried. */
    UNEXPECTED(true);

    private static final int MAX_CAUSES = 16;

    private final boolean countsAgainstServer;

    FailureClass(boolean countsAgainstServer) {
        this.countsAgainstServer = countsAgainstServer;
    }

    /** Whether the breaker records this as a failed call. */
    boolean countsAgainstServer() {
        return countsAgainstServer;
    }

    /**
     * Whether a call of {@code kind} that failed this way may be tried again: always when the
     * server never processed it; for idempotent kinds also after a failure that may have reached
     * the server; never for the caller's own mistakes or cancellations.
     */
    boolean retryable(CallKind kind) {
        return switch (this) {
            case UNPROCESSED -> true;
            case TRANSPORT, TIMEOUT, SERVER_ERROR -> kind.idempotent();
            case ANSWERED, CANCELLED, UNEXPECTED -> false;
        };
    }

    /** Classifies a failure, looking through {@link CompletionException} and {@link ExecutionException}. */
    static FailureClass of(Throwable failure) {
        Throwable e = unwrap(failure);
        if (e instanceof CancellationException) {
            return CANCELLED;
        }
        if (e instanceof TransportException t) {
            return t.unprocessed() || neverConnected(t) ? UNPROCESSED : TRANSPORT;
        }
        if (e instanceof TimeoutException) {
            return TIMEOUT;
        }
        if (e instanceof JsonRpcException rpc) {
            // McpTimeoutException carries REQUEST_TIMEOUT, as does a server whose own call timed out
            return switch (rpc.error().code()) {
                case JsonRpcError.INTERNAL_ERROR -> SERVER_ERROR;
                case JsonRpcError.REQUEST_TIMEOUT -> TIMEOUT;
                default -> ANSWERED;
            };
        }
        return neverConnected(e) ? UNPROCESSED : UNEXPECTED;
    }

    /** The exception a caller sees: without the wrappers that futures add. */
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

    /** A refused or timed-out connect: no byte of the request left this process. */
    private static boolean neverConnected(Throwable failure) {
        @Nullable Throwable e = failure;
        for (int i = 0; i < MAX_CAUSES && e != null; i++) {
            if (e instanceof ConnectException || e instanceof HttpConnectTimeoutException) {
                return true;
            }
            e = e.getCause();
        }
        return false;
    }
}
