package dev.switchboard.core.engine;

import dev.switchboard.core.lifecycle.ServerSupervisor;
import dev.switchboard.mcp.session.RequestOptions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The {@code shared} session mode: every caller's requests go over the supervisor's one
 * connection, which multiplexes them (connecting it first when it is lazy).
 */
record SharedRoute(ServerSupervisor supervisor) implements SessionRoute {

    @Override
    public CompletableFuture<JsonNode> send(
            String principal, String method, @Nullable JsonNode params, RequestOptions options) {
        return supervisor.request(method, params, options);
    }

    @Override
    public void close(Duration budget) {
        // the supervisor is closed by the endpoint's registry
    }
}
