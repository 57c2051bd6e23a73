package dev.switchboard.core.pool;

import java.util.Objects;

/**
 * What sessions are pooled by: an identity, a server and a transport. Sessions of different keys
 * are never mixed: a session opened for one identity is lent to that identity only, and the same
 * server reached over another transport has sessions of its own.
 *
 * <p>{@link #toString()} shows the server, the transport and short hashes of the identity, never the
 * principal or a credential; it is safe for logs and error messages.
 *
 * @param identity who the sessions belong to
 * @param server the server's configured name; also the {@code server} tag of the pool's metrics
 * @param transport the transport the sessions use, such as {@code stdio}, {@code http}, {@code
 *     sse} or {@code websocket}
 */
public record PoolKey(PoolIdentity identity, String server, String transport) {

    /** Checks that no part is null or blank. */
    public PoolKey {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(transport, "transport");
        if (server.isBlank()) {
            throw new IllegalArgumentException("server: \"" + server + "\" (expected: not blank)");
        }
        if (transport.isBlank()) {
            throw new IllegalArgumentException("transport: \"" + transport + "\" (expected: not blank)");
        }
    }

    /** The key of {@code identity}'s sessions with {@code server} over {@code transport}. */
    public static PoolKey of(PoolIdentity identity, String server, String transport) {
        return new PoolKey(identity, server, transport);
    }

    /** Such as {@code github/http[principal=1a2b3c4d, credentials=9f8e7d6c]}. */
    @Override
    public String toString() {
        return server + "/" + transport + "[" + identity.describe() + "]";
    }
}
