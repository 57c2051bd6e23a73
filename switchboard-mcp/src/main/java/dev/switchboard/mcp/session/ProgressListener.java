package dev.switchboard.mcp.session;

import tools.jackson.databind.node.ObjectNode;

/** Receives the progress notifications of one outgoing request. Called on a transport thread. */
@FunctionalInterface
public interface ProgressListener {
    /**
     * One {@code notifications/progress} arrived.
     *
     * @param params the notification's params as sent (with the session's own progress token)
     */
    void onProgress(ObjectNode params);
}
