package dev.switchboard.server.mcp;

import dev.switchboard.core.ServerInfo;
import dev.switchboard.core.Switchboard;
import dev.switchboard.core.lifecycle.ServerState;
import dev.switchboard.core.policy.Policy;
import dev.switchboard.core.policy.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which of the servers a caller may see in a view can serve now, and why the others cannot: the
 * basis of every listing, which leaves out what an unavailable server offered and says so. Lazy
 * servers never connected are connected first (all at once, bounded), so that a first listing is
 * complete.
 *
 * @param available the servers that can serve, in configuration order
 * @param unavailable the servers that cannot, with their state and last error
 */
record Availability(Set<String> available, List<Unavailable> unavailable) {

    /** The key of the listings' {@code _meta} entry naming the unavailable servers. */
    static final String META_KEY = "dev.switchboard/unavailable";

    /**
     * A server that cannot serve now.
     *
     * @param server its name
     * @param state its state, lower case ({@code failed}, {@code connecting}, ...)
     * @param error its last error, or {@code null}
     */
    record Unavailable(
            String server, String state, @Nullable String error) {}

    /**
     * The availability of the servers of {@code scope} that {@code principal} may see; disabled
     * servers are not part of it. Blocks at most {@code connectWait} when a server was never
     * connected (see {@link #firstConnection}).
     */
    static Availability of(Switchboard switchboard, Scope scope, Principal principal, Duration connectWait) {
        List<ServerInfo> servers = visible(switchboard, scope, principal);
        if (servers.stream().anyMatch(s -> firstConnection(s) || unlisted(switchboard, s))) {
            switchboard.connectAll(connectWait);
            servers = visible(switchboard, scope, principal);
        }
        Set<String> available = new LinkedHashSet<>();
        List<Unavailable> unavailable = new ArrayList<>();
        for (ServerInfo server : servers) {
            if (canServe(server)) {
                available.add(server.name());
            } else {
                unavailable.add(new Unavailable(
                        server.name(), server.state().name().toLowerCase(Locale.ROOT), server.lastError()));
            }
        }
        return new Availability(Set.copyOf(available), List.copyOf(unavailable));
    }

    /**
     * Connects the servers the session may see that were never connected (see {@link
     * #firstConnection}), when there are any, and waits at most the connect wait.
     *
     * @return whether there were any (a lookup that failed may succeed now)
     */
    static boolean connectIdle(ViewSession session) {
        List<ServerInfo> servers = visible(session.switchboard(), session.scope(), session.principal());
        if (servers.stream().noneMatch(s -> firstConnection(s) || unlisted(session.switchboard(), s))) {
            return false;
        }
        session.switchboard().connectAll(session.context().settings().connectWait());
        return true;
    }

    /** The servers the session may see that can serve now, without connecting any. */
    static List<String> ready(ViewSession session) {
        return visible(session.switchboard(), session.scope(), session.principal()).stream()
                .filter(Availability::canServe)
                .map(ServerInfo::name)
                .toList();
    }

    /**
     * Whether the server was never connected and never failed: lazy and unused, or its first
     * attempt is running. A listing waits for those (once), not for servers that are retrying.
     */
    static boolean firstConnection(ServerInfo server) {
        return server.state() == ServerState.IDLE
                || (server.state() == ServerState.CONNECTING
                        && server.status().lastSuccess() == null
                        && server.status().errorAt() == null);
    }

    /** Whether the server just connected and its offer is not listed yet. */
    private static boolean unlisted(Switchboard switchboard, ServerInfo server) {
        return canServe(server)
                && switchboard.catalog().current().server(server.name()).isEmpty();
    }

    /** Whether the server is connected: ready, or failing calls while its session is still up. */
    static boolean canServe(ServerInfo server) {
        return server.state() == ServerState.READY
                || (server.state() == ServerState.DEGRADED && server.status().nextAttemptAt() == null);
    }

    private static List<ServerInfo> visible(Switchboard switchboard, Scope scope, Principal principal) {
        Policy policy = switchboard.policy();
        return switchboard.servers().stream()
                .filter(s -> s.state() != ServerState.DISABLED && s.state() != ServerState.CLOSED)
                .filter(s -> scope.covers(s.name()) && policy.allowsServer(principal, s.name()))
                .toList();
    }

    /** The unavailable servers as JSON: {@code [{"server", "state", "error"}]}. */
    ArrayNode unavailableJson() {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (Unavailable u : unavailable) {
            ObjectNode entry = list.addObject();
            entry.put("server", u.server());
            entry.put("state", u.state());
            if (u.error() != null) {
                entry.put("error", u.error());
            }
        }
        return list;
    }

    /** One line naming each unavailable server and why, for a log message. */
    String describeUnavailable() {
        StringBuilder text = new StringBuilder();
        for (Unavailable u : unavailable) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(u.server()).append(" is ").append(u.state());
            if (u.error() != null) {
                text.append(" (").append(u.error()).append(')');
            }
        }
        return text.toString();
    }
}
