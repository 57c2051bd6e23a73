package dev.switchboard.mcp.client.stdio;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/** The most recent lines of a stream, at most {@code capacity} of them. Thread-safe. */
final class LineRing {
    private final int capacity;
    private final ArrayDeque<String> lines;
    private final ReentrantLock lock = new ReentrantLock();

    LineRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity: " + capacity + " (expected: positive)");
        }
        this.capacity = capacity;
        this.lines = new ArrayDeque<>(Math.min(capacity, 256));
    }

    /** Adds a line, dropping the oldest when full. */
    void add(String line) {
        lock.lock();
        try {
            if (lines.size() == capacity) {
                lines.removeFirst();
            }
            lines.addLast(line);
        } finally {
            lock.unlock();
        }
    }

    /** The lines held, oldest first. */
    List<String> snapshot() {
        return last(capacity);
    }

    /** The last {@code count} lines held (fewer when there are fewer), oldest first. */
    List<String> last(int count) {
        lock.lock();
        try {
            List<String> all = new ArrayList<>(lines);
            return List.copyOf(all.subList(Math.max(0, all.size() - count), all.size()));
        } finally {
            lock.unlock();
        }
    }
}
