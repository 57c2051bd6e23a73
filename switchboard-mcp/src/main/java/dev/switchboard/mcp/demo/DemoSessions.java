package dev.switchboard.mcp.demo;

import dev.switchboard.mcp.server.ServerSession;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo server's open client sessions, each with its {@link DemoSessionState}, so that changes
 * (a tool added, a resource updated) can be announced to them. Thread-safe.
 */
final class DemoSessions {
    private static final String STATE = DemoSessionState.class.getName();

    private final Map<ServerSession, DemoSessionState> open = new ConcurrentHashMap<>();

    /** A client session opened. */
    void opened(ServerSession session) {
        DemoSessionState state = new DemoSessionState(session);
        session.attributes().put(STATE, state);
        open.put(session, state);
    }

    /** A client session closed. */
    void closed(ServerSession session) {
        open.remove(session);
    }

    /** The state of {@code session}, made on first use for a session this registry never saw. */
    DemoSessionState state(ServerSession session) {
        Object state = session.attributes().computeIfAbsent(STATE, k -> new DemoSessionState(session));
        return (DemoSessionState) state;
    }

    /** The number of open sessions. */
    int size() {
        return open.size();
    }

    /** Whether some open session matches. */
    boolean any(Predicate<DemoSessionState> test) {
        return open.values().stream().anyMatch(test);
    }

    /** Sends a notification to every open, initialized session that matches {@code to}. */
    void broadcast(String method, @Nullable ObjectNode params, Predicate<DemoSessionState> to) {
        List<DemoSessionState> targets = List.copyOf(open.values());
        for (DemoSessionState state : targets) {
            if (state.session().isInitialized() && to.test(state)) {
                state.notifyClient(method, params == null ? null : params.deepCopy());
            }
        }
    }
}
