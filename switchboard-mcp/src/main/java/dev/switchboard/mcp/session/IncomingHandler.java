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
     * Handles a request. Runs on its own virtual thread, so it may block.
     *
     * @return the result; complete it exceptionally with a {@link
     *     dev.switchboard.mcp.jsonrpc.JsonRpcException} to answer with that error (any other
     *     exception answers with an internal error)
     */
    CompletionStage<JsonNode> onRequest(IncomingRequest request);

    /**
     * A notification arrived. Called on the transport's reader thread: must not block.
     *
     * @param related the id of our request on whose response stream it arrived, or {@code null}
     */
    default void onNotification(JsonRpcNotification notification, @Nullable RequestId related) {}

    /** The session closed; {@code cause} is null for a normal close. */
    default void onClose(@Nullable Throwable cause) {}
}
