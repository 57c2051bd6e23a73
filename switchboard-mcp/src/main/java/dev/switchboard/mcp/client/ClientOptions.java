package dev.switchboard.mcp.client;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.protocol.ProtocolVersion;
import dev.switchboard.mcp.session.IncomingHandler;
import dev.switchboard.mcp.session.SessionOptions;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * How a client opens its session.
 *
 * @param session the session settings (name, default request timeout, threads)
 * @param clientName the {@code clientInfo.name} sent in {@code initialize}
 * @param clientVersion the {@code clientInfo.version} sent in {@code initialize}
 * @param protocolVersion the revision asked for
 * @param acceptedVersions the revisions the client accepts when the server answers with another
 * @param capabilities the client capabilities declared (roots, sampling, elicitation), or {@code
 *     null} for none
 * @param serverRequests handles the server's requests (sampling, elicitation, roots) and
 *     notifications, or {@code null} to answer requests with "method not found"
 * @param initializeTimeout how long the handshake may take
 */
public record ClientOptions(
        SessionOptions session,
        String clientName,
        String clientVersion,
        ProtocolVersion protocolVersion,
        Set<ProtocolVersion> acceptedVersions,
        @Nullable ObjectNode capabilities,
        @Nullable IncomingHandler serverRequests,
        Duration initializeTimeout) {

    /** Checks the fields. */
    public ClientOptions {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(clientName, "clientName");
        Objects.requireNonNull(clientVersion, "clientVersion");
        Objects.requireNonNull(protocolVersion, "protocolVersion");
        acceptedVersions = Set.copyOf(acceptedVersions);
        if (!acceptedVersions.contains(protocolVersion)) {
            throw new IllegalArgumentException(
                    "acceptedVersions: " + acceptedVersions + " (expected: to contain " + protocolVersion + ")");
        }
        Objects.requireNonNull(initializeTimeout, "initializeTimeout");
    }

    /**
     * Options for a client named {@code name}: latest revision, every revision accepted, no
     * capabilities, 30 s to initialize.
     */
    public static ClientOptions of(McpRuntime runtime, String name) {
        return new ClientOptions(
                SessionOptions.of(runtime, name),
                "switchboard",
                version(),
                ProtocolVersion.LATEST,
                EnumSet.allOf(ProtocolVersion.class),
                null,
                null,
                Duration.ofSeconds(30));
    }

    /** These options asking for another revision. */
    public ClientOptions withProtocolVersion(ProtocolVersion version) {
        return new ClientOptions(
                session,
                clientName,
                clientVersion,
                version,
                acceptedVersions,
                capabilities,
                serverRequests,
                initializeTimeout);
    }

    /** These options declaring {@code caps} and handling the server's requests with {@code handler}. */
    public ClientOptions withServerRequests(ObjectNode caps, IncomingHandler handler) {
        return new ClientOptions(
                session,
                clientName,
                clientVersion,
                protocolVersion,
                acceptedVersions,
                caps,
                handler,
                initializeTimeout);
    }

    /** These options with other session settings. */
    public ClientOptions withSession(SessionOptions newSession) {
        return new ClientOptions(
                newSession,
                clientName,
                clientVersion,
                protocolVersion,
                acceptedVersions,
                capabilities,
                serverRequests,
                initializeTimeout);
    }

    /** These options with another handshake timeout. */
    public ClientOptions withInitializeTimeout(Duration timeout) {
        return new ClientOptions(
                session,
                clientName,
                clientVersion,
                protocolVersion,
                acceptedVersions,
                capabilities,
                serverRequests,
                timeout);
    }

    private static String version() {
        String v = ClientOptions.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0" : v;
    }
}
