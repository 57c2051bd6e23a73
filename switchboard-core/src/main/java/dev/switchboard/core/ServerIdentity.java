package dev.switchboard.core;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a server said of itself when its connection was initialized, for a view that passes the
 * server through under its own name. Immutable; the trees are shared: read them, do not change them.
 *
 * @param serverInfo its {@code serverInfo}: {@code name}, {@code version}, and {@code title} when it
 *     gave one
 * @param capabilities the capabilities it declared
 * @param instructions its {@code instructions}, or {@code null} when it gave none
 */
public record ServerIdentity(
        JsonNode serverInfo,
        JsonNode capabilities,
        @Nullable String instructions) {
    /** Checks for nulls. */
    public ServerIdentity {
        Objects.requireNonNull(serverInfo, "serverInfo");
        Objects.requireNonNull(capabilities, "capabilities");
    }
}
