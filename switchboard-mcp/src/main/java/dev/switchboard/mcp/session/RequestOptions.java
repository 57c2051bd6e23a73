package dev.switchboard.mcp.session;

import dev.switchboard.mcp.jsonrpc.RequestId;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How one outgoing request is sent.
 *
 * @param timeout how long to wait for the response; {@code null} uses the session's default
 * @param progress receives the peer's progress notifications for this request; when set, the
 *     session puts a progress token of its own into {@code params._meta.progressToken} (replacing
 *     any there) and routes notifications carrying it here; {@code null} leaves params untouched
 * @param related the id of the peer's request during whose handling this request is made (a server
 *     asking for sampling inside a tool call), or {@code null}
 * @param resetTimeoutOnProgress whether each progress notification restarts the timeout
 */
public record RequestOptions(
        @Nullable Duration timeout,
        @Nullable ProgressListener progress,
        @Nullable RequestId related,
        boolean resetTimeoutOnProgress) {

    private static final RequestOptions DEFAULTS = new RequestOptions(null, null, null, false);

    /** Checks that a timeout, when given, is positive. */
    public RequestOptions {
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout: " + timeout + " (expected: a positive duration)");
        }
    }

    /** The session's default timeout, no progress, unrelated. */
    public static RequestOptions defaults() {
        return DEFAULTS;
    }

    /** These options with another timeout. */
    public RequestOptions withTimeout(Duration newTimeout) {
        return new RequestOptions(Objects.requireNonNull(newTimeout), progress, related, resetTimeoutOnProgress);
    }

    /** These options with a progress listener. */
    public RequestOptions withProgress(ProgressListener listener, boolean resetTimeout) {
        return new RequestOptions(timeout, Objects.requireNonNull(listener), related, resetTimeout);
    }

    /** These options for a request made while handling the peer's request {@code id}. */
    public RequestOptions relatedTo(@Nullable RequestId id) {
        return new RequestOptions(timeout, progress, id, resetTimeoutOnProgress);
    }
}
