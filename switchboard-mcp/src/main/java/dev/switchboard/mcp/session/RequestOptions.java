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
 * @param relatedHandler handles the requests and notifications the peer sends in relation to this
 *     request while it is pending (those that arrive on its response stream, such as a server's
 *     {@code sampling/createMessage} during a tool call), instead of the session's handler; {@code
 *     null} leaves them to the session's handler. A gateway uses it to route them to the caller
 *     that made this request
 */
public record RequestOptions(
        @Nullable Duration timeout,
        @Nullable ProgressListener progress,
        @Nullable RequestId related,
        boolean resetTimeoutOnProgress,
        @Nullable IncomingHandler relatedHandler) {

    private static final RequestOptions DEFAULTS = new RequestOptions(null, null, null, false, null);

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
        return new RequestOptions(
                Objects.requireNonNull(newTimeout), progress, related, resetTimeoutOnProgress, relatedHandler);
    }

    /** These options with a progress listener. */
    public RequestOptions withProgress(ProgressListener listener, boolean resetTimeout) {
        return new RequestOptions(timeout, Objects.requireNonNull(listener), related, resetTimeout, relatedHandler);
    }

    /** These options for a request made while handling the peer's request {@code id}. */
    public RequestOptions relatedTo(@Nullable RequestId id) {
        return new RequestOptions(timeout, progress, id, resetTimeoutOnProgress, relatedHandler);
    }

    /**
     * These options with {@code handler} receiving what the peer sends in relation to the request
     * (see {@link #relatedHandler}).
     */
    public RequestOptions withRelatedHandler(IncomingHandler handler) {
        return new RequestOptions(
                timeout, progress, related, resetTimeoutOnProgress, Objects.requireNonNull(handler, "handler"));
    }
}
