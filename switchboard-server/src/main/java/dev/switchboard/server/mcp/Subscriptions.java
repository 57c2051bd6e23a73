package dev.switchboard.server.mcp;

import dev.switchboard.core.Switchboard;
import dev.switchboard.core.config.SessionMode;
import dev.switchboard.mcp.protocol.McpMethods;
import dev.switchboard.mcp.session.IncomingRequest;
import dev.switchboard.mcp.session.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which upstream sessions subscribed to which resource of which server. Over a shared or pooled
 * server one downstream subscription serves every upstream subscriber: the first subscribes
 * downstream, the last to leave (unsubscribing or closing) unsubscribes. A {@code per-session}
 * server's connection belongs to one upstream session, which subscribes on its own. {@code
 * notifications/resources/updated} goes to the subscribers of that server's URI only. Thread-safe.
 */
final class Subscriptions {
    private final Switchboard switchboard;
    private final Map<Key, Set<ViewSession>> byKey = new ConcurrentHashMap<>();

    private record Key(String server, String uri) {}

    Subscriptions(Switchboard switchboard) {
        this.switchboard = switchboard;
    }

    /** {@code resources/subscribe}. */
    CompletionStage<JsonNode> subscribe(ViewSession session, IncomingRequest request) {
        String uri = Relay.string(request.paramsObject(), "uri");
        String server = Relay.resourceOwner(session, uri);
        Key key = new Key(server, uri);
        boolean[] first = {false};
        byKey.compute(key, (k, sessions) -> {
            Set<ViewSession> set = sessions != null ? sessions : ConcurrentHashMap.newKeySet();
            first[0] = set.isEmpty();
            set.add(session);
            return set;
        });
        if (!first[0] && !owned(server)) {
            return CompletableFuture.completedFuture(session.context().codec().object());
        }
        return Relay.forward(session, request, server, McpMethods.RESOURCES_SUBSCRIBE, request.paramsObject())
                .handle((result, failure) -> {
                    if (failure != null) {
                        leave(key, session);
                        throw Errors.rpcError(failure, server);
                    }
                    return result;
                });
    }

    /** {@code resources/unsubscribe}; a URI the session did not subscribe to is answered all the same. */
    CompletionStage<JsonNode> unsubscribe(ViewSession session, IncomingRequest request) {
        String uri = Relay.string(request.paramsObject(), "uri");
        String server = Relay.resourceOwner(session, uri);
        Key key = new Key(server, uri);
        Boolean last = leave(key, session);
        if (last == null || (!last && !owned(server))) {
            return CompletableFuture.completedFuture(session.context().codec().object());
        }
        return Relay.forward(session, request, server, McpMethods.RESOURCES_UNSUBSCRIBE, request.paramsObject())
                .handle((result, failure) -> {
                    if (failure != null) {
                        throw Errors.rpcError(failure, server);
                    }
                    return result;
                });
    }

    /**
     * A server said a resource changed: tells its subscribers, or only {@code only} when the news
     * came on that session's own connection.
     */
    void updated(String server, @Nullable JsonNode params, @Nullable ViewSession only) {
        String uri = params == null ? "" : params.path("uri").asString("");
        Set<ViewSession> sessions = byKey.get(new Key(server, uri));
        if (sessions == null) {
            return;
        }
        for (ViewSession session : sessions) {
            if (only == null || only == session) {
                session.notifyClient(McpMethods.RESOURCES_UPDATED, params, null);
            }
        }
    }

    /** The session closed: drops its subscriptions, unsubscribing downstream where it was the last. */
    void removeAll(ViewSession session) {
        List<Key> emptied = new ArrayList<>();
        for (Key key : List.copyOf(byKey.keySet())) {
            if (Boolean.TRUE.equals(leave(key, session))) {
                emptied.add(key);
            }
        }
        for (Key key : emptied) {
            if (!owned(key.server())) {
                ObjectNode params = session.context().codec().object().put("uri", key.uri());
                // nobody waits for the answer: the subscription is no longer anyone's
                switchboard.request(
                        session.principal(),
                        key.server(),
                        McpMethods.RESOURCES_UNSUBSCRIBE,
                        params,
                        RequestOptions.defaults());
            }
        }
    }

    /**
     * Removes {@code session} from the subscribers of {@code key}.
     *
     * @return whether it was the last one, or {@code null} when it was not subscribed
     */
    private @Nullable Boolean leave(Key key, ViewSession session) {
        Boolean[] last = {null};
        byKey.computeIfPresent(key, (k, sessions) -> {
            if (sessions.remove(session)) {
                last[0] = sessions.isEmpty();
            }
            return sessions.isEmpty() ? null : sessions;
        });
        return last[0];
    }

    private boolean owned(String server) {
        return switchboard
                .server(server)
                .map(s -> s.sessionMode() == SessionMode.PER_SESSION)
                .orElse(false);
    }
}
