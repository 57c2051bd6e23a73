package dev.switchboard.mcp.server.http;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last events an {@link EventStream} handed to its writers, so that a client resuming with {@code
 * Last-Event-ID} gets what it missed. Bounded; the oldest are forgotten first. Not thread-safe: the
 * stream's lock guards it.
 */
final class ReplayLog {
    private static final Logger log = LoggerFactory.getLogger(ReplayLog.class);

    private final ArrayDeque<EventStream.Event> events = new ArrayDeque<>();
    private final int capacity;
    private long highest;

    ReplayLog(int capacity) {
        this.capacity = capacity;
    }

    /** The sequence number of the newest event recorded, or 0. */
    long highest() {
        return highest;
    }

    /** Records an event being written; an event written again (a replay) is recorded once. */
    void record(EventStream.Event e) {
        if (e.seq() <= highest) {
            return;
        }
        highest = e.seq();
        events.addLast(e);
        if (events.size() > capacity) {
            events.removeFirst();
        }
    }

    /**
     * What a client that received everything up to {@code seq} must get next: the recorded events after
     * it, then {@code waiting}, in order, each once.
     *
     * @param owner names the stream in the warning logged when events after {@code seq} were forgotten
     */
    Collection<EventStream.Event> resumeAfter(long seq, Collection<EventStream.Event> waiting, String owner) {
        EventStream.Event oldest = events.peekFirst();
        if (oldest != null && oldest.seq() > seq + 1) {
            log.warn(
                    "{}: cannot replay events {} to {} (expected: within the last {} events)",
                    owner,
                    seq + 1,
                    oldest.seq() - 1,
                    capacity);
        }
        TreeMap<Long, EventStream.Event> merged = new TreeMap<>();
        for (EventStream.Event e : events) {
            if (e.seq() > seq) {
                merged.put(e.seq(), e);
            }
        }
        for (EventStream.Event e : waiting) {
            merged.putIfAbsent(e.seq(), e);
        }
        return merged.values();
    }
}
