package dev.switchboard.bench;

import java.util.Locale;

/** A client the benchmark compares. */
enum Contender {
    /** Switchboard's {@code McpClient} with its own transports. */
    SWITCHBOARD,
    /** The MCP Java SDK's synchronous client, as shipped. */
    SDK,
    /**
     * The SDK's synchronous client over stdio with its sends serialized by a lock, the work-around
     * for its "Failed to enqueue message" under concurrent callers; stdio only.
     */
    SDK_SERIALIZED;

    /** The name used in options and reports. */
    String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether this client is measured over {@code target}. */
    boolean supports(Target target) {
        return this != SDK_SERIALIZED || target == Target.STDIO;
    }

    /** Whether this is the SDK's client (as opposed to Switchboard's). */
    boolean isSdk() {
        return this != SWITCHBOARD;
    }
}
