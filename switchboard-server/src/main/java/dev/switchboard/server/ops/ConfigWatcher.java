package dev.switchboard.server.ops;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls back when a file's content changes, debounced: watches the file's directory (so that an
 * editor that writes a new file and renames it over the old one, or a Kubernetes ConfigMap's
 * symlink swap, is seen as well as a write in place), waits until the directory has been quiet for
 * the debounce time, then compares the file's content with what it was last time and calls back
 * only when it differs. A file that disappears counts as changed (the callback then reports the
 * missing file); a file that comes back is a change again.
 *
 * <p>Runs one virtual thread between {@link #start} and {@link #close}. The callback runs on that
 * thread, one call at a time; an exception it throws is logged and watching goes on.
 */
public final class ConfigWatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConfigWatcher.class);
    private static final long IDLE_POLL_SECONDS = 1;
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(5);

    private final Path file;
    private final Duration debounce;
    private final Runnable onChange;
    private final LongSupplier nanoTime;
    private final ReentrantLock lock = new ReentrantLock();
    private @Nullable WatchService watcher;
    private @Nullable Thread thread;
    private byte @Nullable [] lastDigest;
    private volatile boolean closed;

    /**
     * A watcher, not started.
     *
     * @param file the file to watch
     * @param debounce how long the directory must stay quiet before the file is compared; such as 300 ms
     * @param onChange what to do when the content changed
     * @param nanoTime the monotonic clock of the debounce, such as {@code System::nanoTime}
     */
    public ConfigWatcher(Path file, Duration debounce, Runnable onChange, LongSupplier nanoTime) {
        this.file = file.toAbsolutePath().normalize();
        this.debounce = Objects.requireNonNull(debounce, "debounce");
        this.onChange = Objects.requireNonNull(onChange, "onChange");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        if (this.file.getParent() == null) {
            throw new IllegalArgumentException("file: " + file + " (expected: a file inside a directory)");
        }
    }

    /**
     * Starts watching; the content seen now is the baseline.
     *
     * @throws IOException when the directory cannot be watched
     * @throws IllegalStateException when already started or closed
     */
    public void start() throws IOException {
        lock.lock();
        try {
            if (thread != null || closed) {
                throw new IllegalStateException("ConfigWatcher: already " + (closed ? "closed" : "started"));
            }
            Path dir = Objects.requireNonNull(file.getParent());
            WatchService ws = dir.getFileSystem().newWatchService();
            dir.register(
                    ws,
                    StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
            lastDigest = digest();
            watcher = ws;
            thread = Thread.ofVirtual().name("config-watcher").start(() -> run(ws));
        } finally {
            lock.unlock();
        }
    }

    private void run(WatchService ws) {
        long dueAt = 0;
        boolean pending = false;
        try {
            while (!closed) {
                long wait = pending
                        ? Math.max(0, dueAt - nanoTime.getAsLong())
                        : TimeUnit.SECONDS.toNanos(IDLE_POLL_SECONDS);
                WatchKey key = ws.poll(wait, TimeUnit.NANOSECONDS);
                if (key != null) {
                    key.pollEvents();
                    if (!key.reset()) {
                        log.warn(
                                "Config watcher: {} can no longer be watched; hot reload from file changes stopped",
                                file.getParent());
                        return;
                    }
                    pending = true;
                    dueAt = nanoTime.getAsLong() + debounce.toNanos();
                } else if (pending && nanoTime.getAsLong() - dueAt >= 0) {
                    pending = false;
                    compare();
                }
            }
        } catch (ClosedWatchServiceException e) {
            // closed: the normal way out
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void compare() {
        byte[] now = digest();
        if (Arrays.equals(now, lastDigest)) {
            return;
        }
        lastDigest = now;
        try {
            onChange.run();
        } catch (RuntimeException e) {
            log.error("Config watcher: handling a change of {} failed", file, e);
        }
    }

    /** The file's SHA-256, or {@code null} when it cannot be read (missing, for one). */
    private byte @Nullable [] digest() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            log.debug("Config watcher: cannot read {}: {}", file, e.toString());
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** Stops watching and waits (at most 5 s) for the thread to end. Idempotent. */
    @Override
    public void close() {
        Thread t;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            WatchService ws = watcher;
            if (ws != null) {
                try {
                    ws.close();
                } catch (IOException e) {
                    log.debug("Config watcher: closing the watch service failed", e);
                }
            }
            t = thread;
        } finally {
            lock.unlock();
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                if (!t.join(JOIN_TIMEOUT)) {
                    log.warn("Config watcher: still running after {}", JOIN_TIMEOUT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return "ConfigWatcher[" + file + (closed ? ", closed" : "") + "]";
    }
}
