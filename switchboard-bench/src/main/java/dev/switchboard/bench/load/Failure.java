package dev.switchboard.bench.load;

import dev.switchboard.mcp.client.http.HttpStatusException;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import dev.switchboard.mcp.session.McpTimeoutException;
import dev.switchboard.mcp.transport.SessionExpiredException;
import dev.switchboard.mcp.transport.TransportException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * One failed call: its kind, the name the report counts it under, and a message for the first
 * sample. The kinds are the same in the TypeScript load generator: {@code timeout}, {@code
 * http-STATUS}, {@code session-expired}, {@code transport}, {@code jsonrpcCODE} (such as {@code jsonrpc-32602}), {@code
 * tool-error} ({@code isError: true}), {@code unexpected-answer} ({@code --expect} not met) and
 * {@code other}; prefixed with {@code connect:} when opening the session failed.
 *
 * @param kind the kind
 * @param message what happened, in one line
 * @param sessionUsable whether the session may go on serving calls after it
 */
record Failure(String kind, String message, boolean sessionUsable) {

    /** A result with {@code isError: true}. */
    static Failure toolError(String content) {
        return new Failure("tool-error", "isError: " + abbreviate(content), true);
    }

    /** A result whose text lacks the expected text. */
    static Failure unexpected(String text, String expected) {
        return new Failure(
                "unexpected-answer",
                "text: \"" + abbreviate(text) + "\" (expected: to contain \"" + expected + "\")",
                true);
    }

    /** A failure to open a session. */
    static Failure connect(Throwable e) {
        Failure f = of(e);
        return new Failure("connect:" + f.kind, f.message, false);
    }

    /** The failure {@code e} stands for. */
    static Failure of(Throwable e) {
        Throwable t = unwrap(e);
        String message = describe(t);
        if (t instanceof McpTimeoutException) {
            return new Failure("timeout", message, false);
        }
        if (t instanceof JsonRpcException j) {
            return new Failure("jsonrpc" + j.error().code(), message, true);
        }
        if (t instanceof SessionExpiredException) {
            return new Failure("session-expired", message, false);
        }
        if (t instanceof HttpStatusException h) {
            return new Failure("http-" + h.statusCode(), message, false);
        }
        if (t instanceof TransportException) {
            return new Failure("transport", message, false);
        }
        return new Failure("other", message, false);
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        for (int depth = 0; depth < 10; depth++) {
            Throwable cause = t.getCause();
            if (!(t instanceof CompletionException || t instanceof ExecutionException) || cause == null) {
                break;
            }
            t = cause;
        }
        return t;
    }

    /** The exception and its root cause, in one line. */
    private static String describe(Throwable e) {
        Throwable root = e;
        for (int depth = 0; root.getCause() != null && depth < 20; depth++) {
            root = root.getCause();
        }
        String text = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (root != e) {
            text += " (cause: " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
        return abbreviate(text);
    }

    private static String abbreviate(String text) {
        String oneLine = text.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
    }
}
