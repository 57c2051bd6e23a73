package dev.switchboard.core.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot of one server's connection, taken by {@link ServerSupervisor#status()}. Immutable.
 *
 * @param name the server's name
 * @param transport the transport in use, or configured when not connected: {@code stdio}, {@code
 *     http}, {@code sse} (also when an {@code http} server turned out to be a legacy one) or {@code
 *     websocket}
 * @param state the state
 * @param errorPhase where the last error happened, or {@code null} when there was none; kept after
 *     a recovery, so that the last failure stays visible
 * @param errorMessage the last error's message, or {@code null}
 * @param errorAt when the last error happened, or {@code null}
 * @param retryCount failures in a row since the connection last stayed up for {@link
 *     SupervisionSettings#stableUptime()}: the exponent of the backoff
 * @param stderrTail the last lines a stdio server's process wrote to stderr (of the live process,
 *     or of the one that failed last), oldest first, at most {@link #STDERR_TAIL_LINES}; empty for
 *     a remote server
 * @param lastSuccess when the server last connected or answered a ping, or {@code null}
 * @param toolCount how many tools the server listed when it last connected, or {@code null} when
 *     unknown (never connected, or the listing failed)
 * @param nextAttemptAt when the next connection attempt is scheduled, or {@code null} when none is
 * @param processes how many processes of this server are alive (stdio only; at most {@link
 *     SupervisionSettings#maxProcesses()})
 * @param inFlight requests sent through the supervisor and not yet answered
 */
public record ServerStatus(
        String name,
        String transport,
        ServerState state,
        @Nullable ErrorPhase errorPhase,
        @Nullable String errorMessage,
        @Nullable Instant errorAt,
        int retryCount,
        List<String> stderrTail,
        @Nullable Instant lastSuccess,
        @Nullable Integer toolCount,
        @Nullable Instant nextAttemptAt,
        int processes,
        int inFlight) {

    /** The most stderr lines a status carries. */
    public static final int STDERR_TAIL_LINES = 20;

    /** Copies the tail, keeping its last {@link #STDERR_TAIL_LINES} lines, and checks for nulls. */
    public ServerStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(state, "state");
        stderrTail = tail(stderrTail);
    }

    /** Whether the state is {@link ServerState#READY}. */
    public boolean isReady() {
        return state == ServerState.READY;
    }

    static List<String> tail(List<String> lines) {
        int from = Math.max(0, lines.size() - STDERR_TAIL_LINES);
        return List.copyOf(lines.subList(from, lines.size()));
    }
}
