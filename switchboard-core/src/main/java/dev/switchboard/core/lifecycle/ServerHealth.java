package dev.switchboard.core.lifecycle;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The result of pinging one server in a {@link ServerRegistry#healthCheck()}.
 *
 * @param name the server's name
 * @param healthy whether the server answered the ping in time
 * @param latency how long the ping took, or {@code null} when it was not answered
 * @param error why the server is not healthy (not connected, ping failed, no answer in time), or
 *     {@code null} when it is
 * @param status the server's status after the ping
 */
public record ServerHealth(
        String name,
        boolean healthy,
        @Nullable Duration latency,
        @Nullable String error,
        ServerStatus status) {

    /** Checks for nulls. */
    public ServerHealth {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
    }
}
