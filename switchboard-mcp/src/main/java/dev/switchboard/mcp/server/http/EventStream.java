package dev.switchboard.mcp.server.http;

import dev.switchboard.mcp.jsonrpc.JsonRpcMessage;
import dev.switchboard.mcp.jsonrpc.JsonRpcResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One logical SSE stream of a session: the messages waiting to be written, a bounded record of the
 * ones already taken (for replay after {@code Last-Event-ID}), and which HTTP response currently writes
 * it. A stream outlives its HTTP connections: when the client disconnects, messages wait here (at most
 * {@code capacity}, the oldest non-response dropped first) until it reconnects.
 *
 * <p>Any thread may {@link #offer}; exactly one writer at a time {@link #take}s, identified by the
 * generation {@link #attach} returned. Attaching again replaces the previous writer. Thread-safe.
 */
final class EventStream {
    private static final Logger log = LoggerFactory.getLogger(EventStream.class);

    /** Returned by {@link #take} when the stream has ended: finished and drained, or closed. */
    static final Event END = new Event(-1, null);
    /** Returned by {@link #take} when another writer attached. */
    static final Event REPLACED = new Event(-2, null);

    /** A message with its sequence number in this stream (from 1), or one of the two markers. */
    record Event(long seq, @Nullable JsonRpcMessage message) {
        /** Whether this is {@link #END}. */
        boolean isEnd() {
            return seq == -1;
        }

        /** Whether this is {@link #REPLACED}. */
        boolean isReplaced() {
            return seq == -2;
        }
    }

    private final int number;
    private final int capacity;
    private final String owner;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Event> pending = new ArrayDeque<>();
    private final ReplayLog taken;
    private long nextSeq = 1;
    private long generation;
    private boolean attached;
    private boolean finished;
    private boolean closed;

    EventStream(int number, int capacity, String owner) {
        this.number = number;
        this.capacity = capacity;
        this.owner = owner;
        this.taken = new ReplayLog(capacity);
    }

    /** The stream's number within its session; part of every event id. */
    int number() {
        return number;
    }

    /** The SSE event id of {@code event}: {@code <stream>-<seq>}. */
    String eventId(Event event) {
        return eventId(event.seq());
    }

    /** The SSE event id of sequence number {@code seq} in this stream. */
    String eventId(long seq) {
        return number + "-" + seq;
    }

    /**
     * The event id that marks the position of the writer: just before the first waiting event, or
     * after the last taken one. A client that resumes from it misses nothing.
     */
    String cursor() {
        lock.lock();
        try {
            Event first = pending.peekFirst();
            return eventId(first != null ? first.seq() - 1 : taken.highest());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Makes the caller the writer unless one is attached already.
     *
     * @return the writer's generation, or -1 when another writer is attached
     */
    long attachIfFree() {
        lock.lock();
        try {
            return attached ? -1 : attach(null);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Queues a message.
     *
     * @return false when the stream is finished or closed (the message was not queued)
     */
    boolean offer(JsonRpcMessage message) {
        lock.lock();
        try {
            if (finished || closed) {
                return false;
            }
            if (pending.size() >= capacity) {
                dropOldest();
            }
            pending.addLast(new Event(nextSeq++, message));
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void dropOldest() {
        Iterator<Event> it = pending.iterator();
        while (it.hasNext()) {
            Event e = it.next();
            if (!(e.message() instanceof JsonRpcResponse)) {
                it.remove();
                log.warn(
                        "{} stream {}: {} messages undelivered (expected: at most {}); dropped the oldest",
                        owner,
                        number,
                        capacity + 1,
                        capacity);
                return;
            }
        }
    }

    /** No more messages will be offered; the writer ends once it has written what is queued. */
    void finish() {
        lock.lock();
        try {
            finished = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The session closed: the writer ends at once; queued messages are discarded. */
    void close() {
        lock.lock();
        try {
            closed = true;
            pending.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Whether {@link #close} was called. */
    boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /** Whether the stream was finished and everything queued was taken. */
    boolean isComplete() {
        lock.lock();
        try {
            return finished && pending.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /** Whether a writer is attached. */
    boolean isAttached() {
        lock.lock();
        try {
            return attached;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Makes the caller the writer, replacing any previous one.
     *
     * @param resumeAfter when resuming, the sequence number of the last event the client received:
     *     recorded events after it are queued again, in order, ahead of the waiting ones
     * @return the writer's generation, to pass to {@link #take} and {@link #detach}
     */
    long attach(@Nullable Long resumeAfter) {
        lock.lock();
        try {
            if (resumeAfter != null) {
                requeueTakenAfter(resumeAfter);
            }
            attached = true;
            generation++;
            changed.signalAll();
            return generation;
        } finally {
            lock.unlock();
        }
    }

    private void requeueTakenAfter(long seq) {
        var next = new ArrayList<>(taken.resumeAfter(seq, pending, owner + " stream " + number));
        pending.clear();
        pending.addAll(next);
    }

    /**
     * Makes the current writer end its response (its {@link #take} returns {@link #REPLACED}) while
     * the stream goes on; a client resumes it with {@code Last-Event-ID}.
     */
    void release() {
        lock.lock();
        try {
            generation++;
            attached = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The writer of generation {@code gen} went away (its client disconnected). */
    void detach(long gen) {
        lock.lock();
        try {
            if (generation == gen) {
                attached = false;
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Puts back an event whose write failed, so that the next writer sends it first.
     *
     * @param gen the generation of the writer that failed
     */
    void putBack(long gen, Event event) {
        lock.lock();
        try {
            if (generation == gen
                    && !closed
                    && (pending.isEmpty() || pending.peekFirst().seq() > event.seq())) {
                pending.addFirst(event);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next event for the writer of generation {@code gen}: a queued message, {@link #END}, {@link
     * #REPLACED}, or {@code null} when nothing came within the timeout.
     *
     * @throws InterruptedException when the writer's thread is interrupted
     */
    @Nullable
    Event take(long gen, long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lock();
        try {
            while (true) {
                if (generation != gen) {
                    return REPLACED;
                }
                if (closed) {
                    return END;
                }
                Event e = pending.pollFirst();
                if (e != null) {
                    taken.record(e);
                    return e;
                }
                if (finished) {
                    return END;
                }
                if (nanos <= 0) {
                    return null;
                }
                nanos = changed.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "EventStream[" + owner + " #" + number + "]";
    }
}
