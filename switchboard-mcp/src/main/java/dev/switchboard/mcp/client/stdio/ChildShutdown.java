package dev.switchboard.mcp.client.stdio;

import dev.switchboard.mcp.transport.TransportException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the child of one {@link StdioClientTransport} exactly once, whatever asked for it (close, the
 * process exiting, a failure), and reports the close to the listener once. Every wait is bounded:
 * by the graces of the parameters, and by one second per reader thread to deliver what the child
 * wrote before it went. Thread-safe.
 */
final class ChildShutdown {
    private static final Logger log = LoggerFactory.getLogger(ChildShutdown.class);
    private static final Duration STDIN_LOCK_WAIT = Duration.ofMillis(100);
    private static final int STDERR_LINES_IN_ERRORS = 10;

    /** Why the child is stopped. */
    enum Reason {
        /** {@link StdioClientTransport#close()}: close stdin first, report no cause. */
        CLOSE,
        /** The process exited on its own: report the exit code and stderr. */
        EXIT,
        /** The transport failed: report that failure. */
        FAILURE
    }

    private final StdioServerParameters parameters;
    private final String description;
    private final Duration drainTimeout;
    private final StderrReader stderr;
    private final CompletableFuture<@Nullable Void> stopped = new CompletableFuture<>();
    private volatile @Nullable TransportException closedReason;

    ChildShutdown(StdioServerParameters parameters, String description, Duration drainTimeout, StderrReader stderr) {
        this.parameters = parameters;
        this.description = description;
        this.drainTimeout = drainTimeout;
        this.stderr = stderr;
    }

    /** Records a transport that closed without ever running a process. */
    void markClosedWithoutProcess(@Nullable TransportException reason) {
        closedReason = reason != null ? reason : new TransportException(description + ": closed");
        stopped.complete(null);
    }

    /**
     * Stops the child, then runs {@code markClosed}, then tells the listener.
     *
     * @param failure the cause to report for {@link Reason#FAILURE}
     */
    void stop(ChildProcess child, Reason reason, @Nullable TransportException failure, Runnable markClosed) {
        TransportException cause = reason == Reason.FAILURE ? failure : null;
        long start = System.nanoTime();
        try {
            child.tree.snapshot();
            if (reason == Reason.CLOSE) {
                child.stdin.close(STDIN_LOCK_WAIT);
                boolean exited = child.tree.awaitChildExit(parameters.closeStdinGrace());
                log.debug("{}: stdin closed; exited by itself: {} ({} ms)", description, exited, millisSince(start));
            }
            List<ProcessHandle> left = child.tree.terminate(parameters.terminateGrace(), parameters.killGrace());
            if (!left.isEmpty()) {
                log.warn("{}: processes still alive after SIGKILL: {}", description, left);
            }
            log.debug("{}: process tree stopped ({} ms)", description, millisSince(start));
            child.stdin.close(Duration.ZERO);
            join(child.stdoutThread);
            join(child.stderrThread);
            log.debug("{}: readers finished ({} ms)", description, millisSince(start));
            if (reason == Reason.EXIT) {
                cause = exited(child.process);
                log.warn("{}", cause.getMessage());
            }
        } catch (RuntimeException e) {
            // the listener must hear of the close whatever went wrong here
            log.warn("{}: stopping the process failed", description, e);
            if (reason != Reason.CLOSE && cause == null) {
                cause = new TransportException(description + ": the process ended; stopping it failed", e);
            }
        } finally {
            closedReason = cause != null ? cause : new TransportException(description + ": closed");
            markClosed.run();
            stopped.complete(null);
        }
        try {
            child.listener.onClose(cause);
        } catch (RuntimeException e) {
            log.warn("{}: the listener failed on close", description, e);
        }
    }

    /** Waits, bounded by the whole shutdown budget, until a stop running elsewhere has finished. */
    void awaitStopped() {
        Duration budget = parameters.shutdownBudget().plus(drainTimeout.multipliedBy(3));
        try {
            stopped.get(budget.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException e) {
            log.warn("{}: still stopping after {} ms", description, budget.toMillis());
        } catch (ExecutionException e) {
            throw new IllegalStateException("stopped never completes exceptionally", e);
        }
    }

    /** The exception for a send on a transport that is closing or closed. */
    TransportException closedException() {
        TransportException reason = closedReason;
        if (reason == null) {
            return new TransportException(description + ": closing");
        }
        return new TransportException(String.valueOf(reason.getMessage()), reason);
    }

    private TransportException exited(Process process) {
        StringBuilder message = new StringBuilder(description)
                .append(": process exited with code ")
                .append(process.exitValue());
        List<String> lines = stderr.last(STDERR_LINES_IN_ERRORS);
        if (lines.isEmpty()) {
            message.append("; it wrote nothing to stderr");
        } else {
            message.append("; last stderr lines:");
            lines.forEach(line -> message.append("\n  ").append(line));
        }
        return new TransportException(message.toString());
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private void join(Thread reader) {
        if (reader.equals(Thread.currentThread())) {
            return;
        }
        try {
            if (!reader.join(drainTimeout)) {
                log.warn("{}: {} did not finish within {} ms", description, reader.getName(), drainTimeout.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
