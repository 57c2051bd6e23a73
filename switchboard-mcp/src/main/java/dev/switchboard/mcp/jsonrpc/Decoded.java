package dev.switchboard.mcp.jsonrpc;

import org.jspecify.annotations.Nullable;

/** One decoded element of a payload: a valid message, or what was wrong with an invalid one. */
public sealed interface Decoded {
    /** A well-formed message. */
    record Valid(JsonRpcMessage message) implements Decoded {}

    /**
     * A malformed element, with the error to answer it with.
     *
     * @param id the id read from the element, or {@code null} when it had none readable
     * @param error the JSON-RPC error ({@code -32700} or {@code -32600}) naming what is wrong
     * @param expectsAnswer whether the peer should be answered: true for parse errors and for
     *     elements that look like requests
     */
    record Invalid(@Nullable RequestId id, JsonRpcError error, boolean expectsAnswer) implements Decoded {}
}
