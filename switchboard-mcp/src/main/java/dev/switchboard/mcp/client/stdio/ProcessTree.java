package dev.switchboard.mcp.client.stdio;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A child process and everything it spawned, and how to stop all of it.
 *
 * <p>Servers are often started through wrappers ({@code npx}, {@code uvx}, shell scripts) whose
 * children or grandchildren do the real work, and a child's children are re-parented when it exits,
 * after which {@link ProcessHandle#descendants()} no longer shows them. Two mechanisms find them:
 *
 * <ul>
 *   <li>When the child was started in a session of its own (through {@code setsid}, so that its pid
 *       is its session and process group id), every process in that session or group, read from
 *       {@code /proc}, however deep and whether or not its parent still lives. Only processes started
 *       no earlier than the child count, so a reused pid is never signalled.
 *   <li>Everywhere: the descendants seen in snapshots ({@link #snapshot()}), taken when the child
 *       first speaks, before each shutdown and at every step of it, so that a grandchild seen once is
 *       stopped even after its parent is gone. {@link ProcessHandle#isAlive()} compares start times,
 *       so a handle to a process that exited never reaches a new process with the same pid.
 * </ul>
 *
 * <p>Stopping sends SIGTERM ({@link ProcessHandle#destroy()}) to every live member at once, waits,
 * then SIGKILL ({@link ProcessHandle#destroyForcibly()}) to what is left, and waits again, each wait
 * bounded. A zombie (dead, not yet reaped) counts as gone. The JVM reaps its direct child;
 * re-parented descendants are reaped by the system's init (a container whose first process does not
 * reap, such as one started without {@code --init}, keeps them as zombies, which hold nothing but a
 * pid). Thread-safe.
 */
final class ProcessTree {
    private static final long MAX_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final Process process;
    private final boolean ownSession;
    private final ProcSessions sessions;
    private final @Nullable Instant childStart;
    private final Set<ProcessHandle> seen = ConcurrentHashMap.newKeySet();

    /**
     * @param ownSession whether the child's pid is also its session and process group id
     */
    ProcessTree(Process process, boolean ownSession, ProcSessions sessions) {
        this.process = process;
        this.ownSession = ownSession;
        this.sessions = sessions;
        this.childStart = process.info().startInstant().orElse(null);
    }

    /** Remembers the child's current descendants. */
    void snapshot() {
        try {
            process.descendants().forEach(seen::add);
        } catch (RuntimeException e) {
            // descendants() can fail on platforms that cannot list processes; the child itself remains
        }
    }

    /** The live members: the child, the descendants seen now or before, and its session's members. */
    List<ProcessHandle> alive() {
        snapshot();
        Set<ProcessHandle> all = new LinkedHashSet<>();
        all.add(process.toHandle());
        all.addAll(seen);
        if (ownSession) {
            for (long pid : sessions.members(process.pid())) {
                ProcessHandle.of(pid).filter(this::startedWithOrAfterChild).ifPresent(all::add);
            }
        }
        all.removeIf(h -> !isRunning(h));
        return List.copyOf(all);
    }

    /**
     * Stops every member: SIGTERM, up to {@code terminateGrace}, SIGKILL, up to {@code killGrace}.
     * An interrupt skips the waits (the kill still happens) and stays set.
     *
     * @return the members still alive at the end (normally none)
     */
    List<ProcessHandle> terminate(Duration terminateGrace, Duration killGrace) {
        List<ProcessHandle> members = alive();
        if (members.isEmpty()) {
            return members;
        }
        members.forEach(ProcessHandle::destroy);
        if (awaitGone(members, terminateGrace).isEmpty() && alive().isEmpty()) {
            return List.of();
        }
        List<ProcessHandle> left = alive();
        left.forEach(ProcessHandle::destroyForcibly);
        awaitGone(left, killGrace);
        return alive();
    }

    /** Waits up to {@code timeout} for the child itself to exit; true when it did. */
    boolean awaitChildExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /**
     * Whether a member still runs. The child counts until the JVM has reaped it, so that none of
     * ours is left a zombie; a descendant counts until it is dead, since reaping it is its parent's
     * or init's business.
     */
    private boolean isRunning(ProcessHandle handle) {
        if (handle.pid() == process.pid()) {
            return process.isAlive();
        }
        return handle.isAlive() && !sessions.isZombie(handle.pid());
    }

    private List<ProcessHandle> awaitGone(List<ProcessHandle> members, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = TimeUnit.MILLISECONDS.toNanos(2);
        while (true) {
            List<ProcessHandle> left = members.stream().filter(this::isRunning).toList();
            long remaining = deadline - System.nanoTime();
            if (left.isEmpty() || remaining <= 0 || Thread.currentThread().isInterrupted()) {
                return left;
            }
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(pause, remaining));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return left;
            }
            pause = Math.min(pause * 2, MAX_POLL_NANOS);
        }
    }

    private boolean startedWithOrAfterChild(ProcessHandle handle) {
        if (childStart == null) {
            return true;
        }
        Instant start = handle.info().startInstant().orElse(null);
        return start == null || !start.isBefore(childStart);
    }
}
