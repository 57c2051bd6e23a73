package dev.switchboard.core.lifecycle;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A server could not be connected, or is not connected now and will not be within the caller's
 * wait. Carries the server's name, the {@link ErrorPhase} of the failure and, for a stdio server,
 * the last lines its process wrote to stderr. The message never contains header or environment
 * values.
 */
public class ServerConnectException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The server's name. */
    private final String server;
    /** Where the failure happened. */
    private final ErrorPhase phase;
    /** The message without the server's name. */
    private final String detail;
    /** The last stderr lines of a stdio server's process, oldest first; empty otherwise. */
    @SuppressWarnings("serial") // an immutable List.copyOf; exceptions are not serialized here
    private final List<String> stderrTail;

    /**
     * An exception for {@code server}.
     *
     * @param server the server's name
     * @param phase where the failure happened
     * @param message what happened; should not repeat the server's name
     * @param stderrTail the last stderr lines of the server's process, or empty
     * @param cause the underlying failure, or {@code null}
     */
    public ServerConnectException(
            String server, ErrorPhase phase, String message, List<String> stderrTail, @Nullable Throwable cause) {
        super("server " + server + ": " + message, cause);
        this.server = Objects.requireNonNull(server, "server");
        this.phase = Objects.requireNonNull(phase, "phase");
        this.detail = Objects.requireNonNull(message, "message");
        this.stderrTail = List.copyOf(stderrTail);
    }

    /** The server's name. */
    public String server() {
        return server;
    }

    /** Where the failure happened. */
    public ErrorPhase phase() {
        return phase;
    }

    /** What happened, without the {@code server NAME: } prefix of {@link #getMessage()}. */
    public String detail() {
        return detail;
    }

    /** The last stderr lines of the server's process, oldest first; empty for a remote server. */
    public List<String> stderrTail() {
        return stderrTail;
    }
}
