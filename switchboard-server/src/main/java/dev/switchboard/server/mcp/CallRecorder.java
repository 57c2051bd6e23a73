package dev.switchboard.server.mcp;

import dev.switchboard.core.policy.Principal;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Where the views record each tool call they relay (the gateway's call log). Thread-safe. */
@FunctionalInterface
interface CallRecorder {
    /** Records nothing. */
    CallRecorder NONE = (server, tool, principal) -> (result, failure) -> {};

    /** Starts recording a call of {@code tool} on {@code server} for {@code principal}. */
    Recording start(String server, String tool, Principal principal);

    /** One call being recorded; finished exactly once. */
    @FunctionalInterface
    interface Recording {
        /** The call ended with {@code result}, or failed with {@code failure}. */
        void finished(@Nullable JsonNode result, @Nullable Throwable failure);
    }
}
