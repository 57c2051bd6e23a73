package dev.switchboard.core.engine;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Decides whether a session's caller may send a request, before it is sent. */
@FunctionalInterface
interface RequestGate {
    /**
     * Checks one request.
     *
     * @throws RuntimeException the error the caller gets instead of an answer (such as {@link
     *     dev.switchboard.core.NotFoundException} for a hidden tool)
     */
    void check(String method, @Nullable JsonNode params);
}
