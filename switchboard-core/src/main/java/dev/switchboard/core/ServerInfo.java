package dev.switchboard.core;

import dev.switchboard.core.config.SessionMode;
import dev.switchboard.core.lifecycle.ErrorPhase;
import dev.switchboard.core.lifecycle.ServerState;
import dev.switchboard.core.lifecycle.ServerStatus;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One configured server as {@link Switchboard#servers()} shows it: what an operator's table has
 * in its columns, and the whole {@link ServerStatus} for the details (stderr tail, retries, next
 * attempt). Immutable.
 *
 * @param name the server's name
 * @param transport the transport in use, or configured when not connected: {@code stdio}, {@code
 *     http}, {@code sse} or {@code websocket}
 * @param sessionMode how callers share the server's sessions
 * @param state the state of the server's shared connection
 * @param errorPhase where the last error happened, or {@code null} when there was none
 * @param lastError the last error's message, or {@code null}; never contains a header or
 *     environment value
 * @param toolCount how many tools the server offers (after its configured tool filter), or {@code
 *     null} while unknown (never connected, or the listing failed)
 * @param status the full status of the server's shared connection
 */
public record ServerInfo(
        String name,
        String transport,
        SessionMode sessionMode,
        ServerState state,
        @Nullable ErrorPhase errorPhase,
        @Nullable String lastError,
        @Nullable Integer toolCount,
        ServerStatus status) {

    /** Checks for nulls. */
    public ServerInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(sessionMode, "sessionMode");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(status, "status");
    }
}
