package dev.switchboard.core.engine;

import dev.switchboard.core.NotFoundException;
import dev.switchboard.core.ServerSession;
import dev.switchboard.core.catalog.LiveCatalog;
import dev.switchboard.core.config.SessionMode;
import dev.switchboard.core.lifecycle.ErrorPhase;
import dev.switchboard.core.lifecycle.ServerConnectException;
import dev.switchboard.core.policy.Principal;
import dev.switchboard.mcp.client.ClientOptions;
import dev.switchboard.mcp.protocol.McpMethods;
import dev.switchboard.mcp.session.RequestOptions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Takes a request from a caller to a server: applies the access policy (for a principal; the
 * application itself is trusted), refuses a tool the server does not offer, finds the server's
 * current endpoint (looking again when a reload retires the one it found) and hands the request to
 * it. A tool call to a server whose offer is not known yet first connects the server's shared
 * connection and lists its offer, on a virtual thread.
 */
final class CallRouter {
    /** The pool identity of the embedding application's own calls; no authenticated id looks so. */
    static final String APPLICATION = "(application)";

    private static final int LOOKUPS = 3;

    private final AtomicReference<EngineSnapshot> snapshot;
    private final LiveCatalog catalog;
    private final ServerQueries queries;
    private final Executor executor;

    CallRouter(
            AtomicReference<EngineSnapshot> snapshot, LiveCatalog catalog, ServerQueries queries, Executor executor) {
        this.snapshot = snapshot;
        this.catalog = catalog;
        this.queries = queries;
        this.executor = executor;
    }

    /** Sends a request of {@code principal} (null: the application). Never throws. */
    CompletableFuture<JsonNode> request(
            @Nullable Principal principal,
            String server,
            String method,
            @Nullable JsonNode params,
            RequestOptions options) {
        try {
            gate(principal, server, method, params);
            ServerEndpoint endpoint = endpoint(server);
            if (!McpMethods.TOOLS_CALL.equals(method)) {
                return send(principal, server, method, params, options);
            }
            String tool = params == null ? "" : params.path("name").asString("");
            Boolean offered = ToolDirectory.offers(catalog.current(), server, tool);
            if (offered != null || !endpoint.config().settings().enabled()) {
                return offeredSend(offered, principal, server, params, options);
            }
            CompletableFuture<JsonNode> result = new CompletableFuture<>();
            executor.execute(() -> {
                try {
                    queries.discover(endpoint);
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                    return;
                }
                Boolean known = ToolDirectory.offers(catalog.current(), server, tool);
                Futures.relay(offeredSend(known, principal, server, params, options), result);
            });
            return result;
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * The tool call, or {@link NotFoundException} when the server does not offer the tool; for a
     * principal also when its offer could not be listed, since a hidden tool must never get through.
     */
    private CompletableFuture<JsonNode> offeredSend(
            @Nullable Boolean offered,
            @Nullable Principal principal,
            String server,
            @Nullable JsonNode params,
            RequestOptions options) {
        if (Boolean.FALSE.equals(offered) || (offered == null && principal != null)) {
            String tool = params == null ? "" : params.path("name").asString("");
            return CompletableFuture.failedFuture(new NotFoundException("tool", tool));
        }
        return send(principal, server, McpMethods.TOOLS_CALL, params, options);
    }

    private CompletableFuture<JsonNode> send(
            @Nullable Principal principal,
            String server,
            String method,
            @Nullable JsonNode params,
            RequestOptions options) {
        // a few lookups at most: a retiring endpoint refuses only once the new snapshot is in place
        for (int attempt = 0; attempt < LOOKUPS; attempt++) {
            CompletableFuture<JsonNode> result = endpoint(server).request(identity(principal), method, params, options);
            if (result != null) {
                return result;
            }
        }
        return CompletableFuture.failedFuture(reconfiguring(server));
    }

    /** Opens a session of {@code principal} with {@code server}. */
    ServerSession openSession(@Nullable Principal principal, String server, UnaryOperator<ClientOptions> options) {
        gate(principal, server, "", null);
        for (int attempt = 0; attempt < LOOKUPS; attempt++) {
            ServerEndpoint endpoint = endpoint(server);
            if (endpoint.config().settings().sessionMode() != SessionMode.PER_SESSION) {
                return new RoutedSession(this, principal, server);
            }
            OwnedSession session =
                    endpoint.open(options, (method, params) -> ownedGate(principal, server, method, params));
            if (session != null) {
                return session;
            }
        }
        throw reconfiguring(server);
    }

    /** The policy, and for a tool call the catalog, applied to a request on a session's own connection. */
    private void ownedGate(@Nullable Principal principal, String server, String method, @Nullable JsonNode params) {
        gate(principal, server, method, params);
        if (McpMethods.TOOLS_CALL.equals(method) && params != null) {
            String tool = params.path("name").asString("");
            if (Boolean.FALSE.equals(ToolDirectory.offers(catalog.current(), server, tool))) {
                throw new NotFoundException("tool", tool);
            }
        }
    }

    /** Applies the policy in effect to a request of {@code principal}; the application passes. */
    void gate(@Nullable Principal principal, String server, String method, @Nullable JsonNode params) {
        if (principal != null) {
            PolicyGate.check(snapshot.get().policy(), principal, server, method, params);
        }
    }

    /** The current endpoint of {@code server}. @throws NotFoundException when there is none */
    ServerEndpoint endpoint(String server) {
        ServerEndpoint endpoint = snapshot.get().endpoints().get(server);
        if (endpoint == null) {
            throw new NotFoundException("server", server);
        }
        return endpoint;
    }

    /** The pool identity of {@code principal}: its id, or {@link #APPLICATION}. */
    static String identity(@Nullable Principal principal) {
        return principal == null ? APPLICATION : principal.id();
    }

    private static ServerConnectException reconfiguring(String server) {
        return new ServerConnectException(server, ErrorPhase.RUNTIME, "being reconfigured; try again", List.of(), null);
    }
}
