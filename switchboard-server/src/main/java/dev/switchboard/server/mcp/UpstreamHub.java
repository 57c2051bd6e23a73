package dev.switchboard.server.mcp;

import dev.switchboard.core.ServerInfo;
import dev.switchboard.core.ServerListener;
import dev.switchboard.core.Switchboard;
import dev.switchboard.core.catalog.CatalogChange;
import dev.switchboard.core.catalog.CatalogListener;
import dev.switchboard.core.config.PolicyConfig;
import dev.switchboard.mcp.jsonrpc.JsonRpcNotification;
import dev.switchboard.mcp.protocol.McpMethods;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Every open upstream session of every view, for what goes to many of them: {@code list_changed}
 * when the catalog changes (to the sessions that see the servers that changed) or a reload changes
 * the access policy (to all) or a server goes down or comes back (to the sessions that see it), log
 * messages of a shared connection (to the sessions that see that
 * server), and resource updates (to the subscribers). Thread-safe.
 */
final class UpstreamHub implements CatalogListener, ServerListener {
    private final Switchboard switchboard;
    private final Set<ViewSession> sessions = ConcurrentHashMap.newKeySet();
    private final Subscriptions subscriptions;
    private final AtomicReference<PolicyConfig> policy;
    private final AtomicReference<Set<String>> available = new AtomicReference<>(Set.of());

    UpstreamHub(Switchboard switchboard) {
        this.switchboard = switchboard;
        this.subscriptions = new Subscriptions(switchboard);
        this.policy = new AtomicReference<>(switchboard.config().gateway().policy());
    }

    Subscriptions subscriptions() {
        return subscriptions;
    }

    void add(ViewSession session) {
        sessions.add(session);
    }

    void remove(ViewSession session) {
        if (sessions.remove(session)) {
            subscriptions.removeAll(session);
        }
    }

    /** The number of open upstream sessions. */
    int size() {
        return sessions.size();
    }

    @Override
    public void onChange(CatalogChange change) {
        checkChanges();
        for (ViewSession session : sessions) {
            session.catalogChanged(change);
        }
    }

    /**
     * Tells every session that its lists may have changed when the policy in effect changed (a
     * reload), and the sessions that see a server that went down or came back (its offer left or
     * rejoined their listings). Cheap: reads what the engine holds in memory.
     */
    void checkChanges() {
        PolicyConfig now = switchboard.config().gateway().policy();
        PolicyConfig before = policy.getAndSet(now);
        if (before != now && !before.equals(now)) {
            sessions.forEach(ViewSession::listsChanged);
        }
        Set<String> serving = switchboard.servers().stream()
                .filter(Availability::canServe)
                .map(ServerInfo::name)
                .collect(Collectors.toUnmodifiableSet());
        Set<String> previous = available.getAndSet(serving);
        if (previous.equals(serving)) {
            return;
        }
        Set<String> changed = new HashSet<>(serving);
        changed.addAll(previous);
        changed.removeIf(server -> serving.contains(server) && previous.contains(server));
        for (ViewSession session : sessions) {
            if (changed.stream().anyMatch(session::sees)) {
                session.listsChanged();
            }
        }
    }

    @Override
    public void onNotification(String server, JsonRpcNotification notification) {
        switch (notification.method()) {
            case McpMethods.RESOURCES_UPDATED -> subscriptions.updated(server, notification.params(), null);
            case McpMethods.LOGGING_MESSAGE -> {
                for (ViewSession session : sessions) {
                    if (session.sees(server)) {
                        session.log().serverMessage(server, notification.params(), null);
                    }
                }
            }
            default -> {
                // list changes reach the sessions through the catalog
            }
        }
    }
}
