package dev.switchboard.core.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The supervisor's view of one server at one moment: the state and everything {@link ServerStatus}
 * shows. Immutable; each transition returns a new value, which the supervisor swaps in atomically.
 *
 * @param readySince when the current connection came up, or {@code null} when there is none
 * @param failures failures in a row, not yet forgiven by sustained uptime (see {@link #failuresAt})
 */
record Health(
        ServerState state,
        String transport,
        @Nullable ErrorPhase phase,
        @Nullable String message,
        @Nullable Instant errorAt,
        int failures,
        List<String> stderrTail,
        @Nullable Instant lastSuccess,
        @Nullable Instant readySince,
        @Nullable Integer toolCount,
        @Nullable Instant nextAttemptAt) {

    Health {
        stderrTail = ServerStatus.tail(stderrTail);
    }

    static Health initial(ServerState state, String transport) {
        return new Health(state, transport, null, null, null, 0, List.of(), null, null, null, null);
    }

    /**
     * The failures that still count at {@code now}: none once the current connection has stayed up
     * for {@code stableUptime}, so that a server that crashes after a long healthy run starts again
     * from the shortest delay, while a crash loop keeps backing off.
     */
    int failuresAt(Instant now, Duration stableUptime) {
        Instant since = readySince;
        if (since != null && Duration.between(since, now).compareTo(stableUptime) >= 0) {
            return 0;
        }
        return failures;
    }

    /** An exception for {@code server} saying {@code what}, with the state and the last error. */
    ServerConnectException unavailable(String server, String what) {
        ErrorPhase p = phase == null ? ErrorPhase.TRANSPORT_CONNECT : phase;
        String last = message == null ? "" : "; last error (" + p + "): " + message;
        return new ServerConnectException(server, p, what + " (state: " + state + ")" + last, stderrTail, null);
    }

    Health connecting() {
        return new Health(
                ServerState.CONNECTING,
                transport,
                phase,
                message,
                errorAt,
                failures,
                stderrTail,
                lastSuccess,
                null,
                toolCount,
                null);
    }

    /** Connected; degraded right away when the tool listing failed ({@code listing} not null). */
    Health connected(
            Instant now, String newTransport, @Nullable Integer tools, @Nullable ServerConnectException listing) {
        if (listing == null) {
            return new Health(
                    ServerState.READY,
                    newTransport,
                    phase,
                    message,
                    errorAt,
                    failures,
                    List.of(),
                    now,
                    now,
                    tools,
                    null);
        }
        return new Health(
                ServerState.DEGRADED,
                newTransport,
                listing.phase(),
                listing.detail(),
                now,
                failures,
                List.of(),
                now,
                now,
                tools,
                null);
    }

    /** An attempt failed, or the connection was lost: {@code state} is FAILED or DEGRADED. */
    Health failed(
            ServerState newState,
            ServerConnectException e,
            Instant now,
            int newFailures,
            @Nullable Instant nextAttempt) {
        return new Health(
                newState,
                transport,
                e.phase(),
                e.detail(),
                now,
                newFailures,
                e.stderrTail().isEmpty() ? stderrTail : e.stderrTail(),
                lastSuccess,
                null,
                toolCount,
                nextAttempt);
    }

    /** A request failed: degraded while connected (the connection stays), else only recorded. */
    Health callFailed(ErrorPhase newPhase, String newMessage, Instant now) {
        ServerState next = state == ServerState.READY && readySince != null ? ServerState.DEGRADED : state;
        return new Health(
                next,
                transport,
                newPhase,
                newMessage,
                now,
                failures,
                stderrTail,
                lastSuccess,
                readySince,
                toolCount,
                nextAttemptAt);
    }

    /**
     * A request or ping succeeded: ready again when degraded while connected (not when the
     * connection was lost meanwhile); {@code now} is recorded as the last success when not null.
     */
    Health succeeded(@Nullable Instant now) {
        return new Health(
                state == ServerState.DEGRADED && readySince != null ? ServerState.READY : state,
                transport,
                phase,
                message,
                errorAt,
                failures,
                stderrTail,
                now == null ? lastSuccess : now,
                readySince,
                toolCount,
                nextAttemptAt);
    }

    Health closed() {
        return new Health(
                ServerState.CLOSED,
                transport,
                phase,
                message,
                errorAt,
                failures,
                stderrTail,
                lastSuccess,
                null,
                toolCount,
                null);
    }
}
