package dev.switchboard.mcp.client.stdio;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Writes whole lines to a child's stdin, one writer at a time, so that concurrent senders never
 * interleave bytes; each line is flushed at once. The stream a {@link Process} gives is already
 * buffered, so a line and its newline leave in one write when they fit. A writer waits at most the
 * write timeout for its turn: a longer wait means an earlier write is stuck on a full pipe because
 * the child stopped reading. Thread-safe.
 */
final class StdinWriter {
    /** What became of a line. */
    enum Result {
        /** Written and flushed. */
        WRITTEN,
        /** Not written: the transport closed meanwhile. */
        CLOSED,
        /** Not written: another write has been stuck for the whole write timeout. */
        STUCK
    }

    private final OutputStream out;
    private final Duration writeTimeout;
    private final ReentrantLock lock = new ReentrantLock();

    StdinWriter(OutputStream out, Duration writeTimeout) {
        this.out = out;
        this.writeTimeout = writeTimeout;
    }

    /**
     * Writes {@code line} and a newline, and flushes.
     *
     * @param open checked once this writer has its turn; when false, nothing is written
     * @throws IOException when the write fails (the child closed its stdin or exited)
     * @throws InterruptedException when interrupted while waiting for the turn
     */
    Result writeLine(byte[] line, BooleanSupplier open) throws IOException, InterruptedException {
        if (!lock.tryLock(writeTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
            return Result.STUCK;
        }
        try {
            if (!open.getAsBoolean()) {
                return Result.CLOSED;
            }
            out.write(line);
            out.write('\n');
            out.flush();
            return Result.WRITTEN;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Closes stdin once no write is under way, waiting at most {@code lockWait} for one to end. A
     * write stuck on a full pipe is left alone: stopping the child ends it, and stdin is closed then.
     *
     * @return whether stdin was closed
     */
    boolean close(Duration lockWait) {
        try {
            if (!lock.tryLock(lockWait.toNanos(), TimeUnit.NANOSECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            out.close();
            return true;
        } catch (IOException e) {
            return true; // what was buffered is lost either way; the stream is closed
        } finally {
            lock.unlock();
        }
    }
}
