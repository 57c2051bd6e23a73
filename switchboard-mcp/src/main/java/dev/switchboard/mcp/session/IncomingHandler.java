package dev.switchboard.mcp.session;

import dev.switchboard.mcp.jsonrpc.JsonRpcNotification;
import dev.switchboard.mcp.jsonrpc.RequestId;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a session does with the requests and notifications its peer sends. The session answers
 * {@code ping} and handles {@code notifications/cancelled} and {@code notifications/progress} itself.
 */
public interface IncomingHandler {

    /**
     * Handles a request. Runs on its own virtual thread, so it may block; or, when {@link
     * #handlesOnDeliveringThread} says so and the transport delivers on request threads, on the
     * thread that delivered the request.
     *
     * @return the result; complete it exceptionally with a {@link
     *     dev.switchboard.mcp.jsonrpc.JsonRpcException} to answer with that error (any other
     *     exception answers with an internal error)
     */
    CompletionStage<JsonNode> onRequest(IncomingRequest request);

    /**
     * Whether {@link #onRequest} for {@code request} may run on the thread that delivered it when
     * that thread belongs to the request ({@link
     * dev.switchboard.mcp.transport.Transport#deliversOnRequestThreads}), which saves starting a
     * thread and handing the request over. Answer true only for requests whose handling never waits
     * for the peer (for its answer to a request of this side, say): until {@code onRequest} returns,
     * nothing this side sends in relation to the request reaches the peer. Default false.
     */
    default boolean handlesOnDeliveringThread(IncomingRequest request) {
        return false;
    }

    /**
     * A notification arrived. Called on the transport's reader thread: must not block.
     *
     * @param related the id of our request on whose response stream it arrived, or {@code null}
     */
    default void onNotification(JsonRpcNotification notification, @Nullable RequestId related) {}

    /** The session closed; {@code cause} is null for a normal close. */
    default void onClose(@Nullable Throwable cause) {}
}
