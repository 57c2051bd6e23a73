package dev.switchboard.server.cli;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Exceptions as one line for people: the type and message of the exception, not of its wrappers. */
final class Failures {
    private static final int MAX_DEPTH = 10;

    private Failures() {}

    /**
     * {@code e} without the wrappers that add nothing ({@link CompletionException}, {@link
     * ExecutionException}) as {@code Type: message}, or only the type when there is no message.
     */
    static String describe(Throwable e) {
        Throwable cause = unwrap(e);
        String message = cause.getMessage();
        String type = cause.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : type + ": " + firstLine(message);
    }

    /** The innermost of a chain of {@link CompletionException}s and {@link ExecutionException}s. */
    static Throwable unwrap(Throwable e) {
        Throwable current = e;
        for (int i = 0; i < MAX_DEPTH; i++) {
            Throwable cause = current.getCause();
            boolean wrapper = current instanceof CompletionException || current instanceof ExecutionException;
            if (!wrapper || cause == null) {
                break;
            }
            current = cause;
        }
        return current;
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end).stripTrailing();
    }
}
