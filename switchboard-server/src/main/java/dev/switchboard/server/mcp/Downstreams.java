package dev.switchboard.server.mcp;

import dev.switchboard.core.ServerSession;
import dev.switchboard.mcp.protocol.McpMethods;
import dev.switchboard.mcp.session.RequestOptions;
import dev.switchboard.mcp.transport.TransportException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * The downstream sessions of one upstream session, one per server, opened at first use. For a
 * {@code per-session} server that is a connection (a process) of its own, whose server-to-client
 * requests go to this upstream session's client; it is opened again when it died, and closed with
 * the upstream session. For other modes it is a handle on the shared or pooled sessions. Opening
 * one server's session never waits for another's. Thread-safe.
 */
final class Downstreams {
    private final ViewSession owner;
    private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock();

        @Nullable
        ServerSession session;
    }

    Downstreams(ViewSession owner) {
        this.owner = owner;
    }

    /**
     * The session with {@code server}, opened now when there is none or it died. Blocks while a
     * {@code per-session} server connects (at most its connect and initialize timeouts).
     *
     * @throws RuntimeException what {@link dev.switchboard.core.Switchboard#openSession} throws, or a
     *     {@link TransportException} when the upstream session is closed
     */
    ServerSession of(String server) {
        Slot slot = slots.computeIfAbsent(server, s -> new Slot());
        slot.lock.lock();
        try {
            if (closed) {
                throw new TransportException("the upstream session is closed", null, true);
            }
            ServerSession current = slot.session;
            if (current != null && current.isOpen()) {
                return current;
            }
            if (current != null) {
                current.close();
            }
            ServerSession opened = owner.switchboard()
                    .openSession(
                            owner.principal(),
                            server,
                            owner.downstreamCapabilities(),
                            new ClientAsks(owner, server, null));
            slot.session = opened;
            ObjectNode level = owner.log().levelParams();
            if (level != null && owner.owns(server)) {
                // a new connection starts at the server's default level; the client chose another
                opened.request(McpMethods.LOGGING_SET_LEVEL, level, RequestOptions.defaults());
            }
            return opened;
        } finally {
            slot.lock.unlock();
        }
    }

    /** The open session with {@code server}, or {@code null} when none is open; never opens one. */
    @Nullable
    ServerSession existing(String server) {
        Slot slot = slots.get(server);
        if (slot == null) {
            return null;
        }
        slot.lock.lock();
        try {
            ServerSession current = slot.session;
            return current != null && current.isOpen() ? current : null;
        } finally {
            slot.lock.unlock();
        }
    }

    /** Closes every session (a {@code per-session} server's connection stops); later use fails. */
    void close() {
        closed = true;
        List<ServerSession> open = new ArrayList<>();
        for (Slot slot : slots.values()) {
            slot.lock.lock();
            try {
                if (slot.session != null) {
                    open.add(slot.session);
                    slot.session = null;
                }
            } finally {
                slot.lock.unlock();
            }
        }
        open.forEach(ServerSession::close);
    }
}
