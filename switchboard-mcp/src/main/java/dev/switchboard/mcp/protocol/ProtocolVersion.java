package dev.switchboard.mcp.protocol;

import java.util.Collection;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The MCP protocol revisions this implementation speaks, oldest first. */
public enum ProtocolVersion {
    /** The revision of the legacy HTTP+SSE transport. */
    V2024_11_05("2024-11-05"),
    /** Streamable HTTP, JSON-RPC batches. */
    V2025_03_26("2025-03-26"),
    /** Structured tool output, elicitation; batches removed. */
    V2025_06_18("2025-06-18"),
    /** The newest revision we speak. */
    V2025_11_25("2025-11-25");

    /** The revision a client asks for and a server prefers. */
    public static final ProtocolVersion LATEST = V2025_11_25;

    /** The revision a Streamable HTTP server assumes when a request has no version header. */
    public static final ProtocolVersion HTTP_DEFAULT = V2025_03_26;

    private final String wire;

    ProtocolVersion(String wire) {
        this.wire = wire;
    }

    /** The revision as it appears on the wire, such as {@code 2025-06-18}. */
    public String wire() {
        return wire;
    }

    /** Whether JSON-RPC batches (arrays of messages) are allowed in this revision. */
    public boolean allowsBatches() {
        return this == V2024_11_05 || this == V2025_03_26;
    }

    /** Whether the HTTP transport sends the {@code MCP-Protocol-Version} header in this revision. */
    public boolean sendsVersionHeader() {
        return compareTo(V2025_06_18) >= 0;
    }

    /** The revision with this wire name, if it is one we speak. */
    public static Optional<ProtocolVersion> parse(@Nullable String wire) {
        if (wire != null) {
            for (ProtocolVersion v : values()) {
                if (v.wire.equals(wire)) {
                    return Optional.of(v);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The revision a server answers with when a client asks for {@code requested}: the same one when
     * the server supports it, otherwise the newest one the server supports (the client then decides
     * whether it can go on).
     *
     * @param requested what the client sent in {@code initialize}
     * @param supported the revisions the server accepts; not empty
     */
    public static ProtocolVersion negotiate(@Nullable String requested, Collection<ProtocolVersion> supported) {
        if (supported.isEmpty()) {
            throw new IllegalArgumentException("supported: [] (expected: at least one protocol version)");
        }
        Optional<ProtocolVersion> asked = parse(requested);
        if (asked.isPresent() && supported.contains(asked.get())) {
            return asked.get();
        }
        ProtocolVersion newest = V2024_11_05;
        for (ProtocolVersion v : supported) {
            if (v.compareTo(newest) > 0) {
                newest = v;
            }
        }
        return newest;
    }

    @Override
    public String toString() {
        return wire;
    }
}
