package dev.switchboard.mcp.client.http;

import dev.switchboard.mcp.transport.TransportException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time in submission order on a thread of an executor, started only while
 * there is work. The queue is bounded. Thread-safe.
 */
final class SerialLane {
    private static final Logger log = LoggerFactory.getLogger(SerialLane.class);

    private final Executor executor;
    private final int capacity;
    private final String owner;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean();

    SerialLane(Executor executor, int capacity, String owner) {
        this.executor = executor;
        this.capacity = capacity;
        this.owner = owner;
    }

    /**
     * Queues {@code task}.
     *
     * @throws TransportException when the queue is full or the executor rejects work
     */
    void submit(Runnable task) {
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            throw new TransportException(
                    owner + ": messages waiting to be sent: " + capacity + " (expected: fewer than " + capacity + ")");
        }
        tasks.add(task);
        schedule();
    }

    /**
     * Whether every task submitted so far has run to its end. A task submitted after this returned
     * true, by the thread that called it, cannot have to wait for an earlier one of that thread.
     */
    boolean isIdle() {
        // size first: a task polled before this read keeps running true until it has ended
        return size.get() == 0 && !running.get();
    }

    private void schedule() {
        if (running.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                running.set(false);
                throw new TransportException(owner + ": cannot send, shutting down", e);
            }
        }
    }

    private void drain() {
        try {
            Runnable task;
            while ((task = tasks.poll()) != null) {
                size.decrementAndGet();
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.warn("{}: sending failed", owner, e);
                }
            }
        } finally {
            running.set(false);
        }
        if (!tasks.isEmpty()) {
            try {
                schedule();
            } catch (TransportException e) {
                log.debug("{}: {} queued messages dropped: {}", owner, tasks.size(), e.getMessage());
            }
        }
    }
}
