package dev.switchboard.mcp.client.stdio;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.jsonrpc.JsonRpcCodec;
import dev.switchboard.mcp.jsonrpc.JsonRpcMessage;
import dev.switchboard.mcp.jsonrpc.RequestId;
import dev.switchboard.mcp.transport.Transport;
import dev.switchboard.mcp.transport.TransportException;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client transport to an MCP server that runs as a child process and speaks newline-delimited
 * JSON-RPC (UTF-8) over its stdin and stdout.
 *
 * <p>{@link #start} launches the process as {@link StdioServerParameters} say (a minimal
 * environment unless told otherwise; on Linux a session of its own, see {@link ProcessLauncher})
 * and starts two reader threads. The stdout reader hands each line to the listener as one message or
 * a batch of them, and skips anything else (banners, blank lines, log noise, a line over {@link
 * StdioServerParameters#maxLineBytes}) with a log entry. The stderr reader keeps the last {@link
 * StdioServerParameters#stderrLines} lines ({@link #recentStderr()}) and logs each at INFO under
 * the logger {@code dev.switchboard.mcp.client.stdio.StdioClientTransport.stderr}. The readers are
 * platform daemon threads by default: a read from a pipe blocks a carrier thread, so a virtual thread
 * would gain nothing for a read that lasts as long as the process.
 *
 * <p>{@link #send} writes one line per message under a lock, so concurrent senders never interleave,
 * and flushes it. A send that cannot get the lock within {@link StdioServerParameters#writeTimeout}
 * means the server stopped reading its stdin: it fails and the server is stopped.
 *
 * <p>When the process exits on its own, the listener's {@code onClose} gets a {@link
 * TransportException} with the exit code and the last stderr lines, after everything it wrote to
 * stdout was delivered and whatever it left running was stopped. {@link #close} closes stdin, waits
 * for the exit, then stops the whole process tree ({@link ProcessTree}); every step is bounded by
 * the graces of the parameters.
 *
 * <p>Thread-safe.
 */
public final class StdioClientTransport implements Transport {
    private static final Logger log = LoggerFactory.getLogger(StdioClientTransport.class);
    private static final int MAX_DESCRIPTION = 200;
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(1);

    private enum State {
        NEW,
        RUNNING,
        STOPPING,
        CLOSED
    }

    private final String name;
    private final StdioServerParameters parameters;
    private final JsonRpcCodec codec;
    private final ThreadFactory threads;
    private final ProcessLauncher launcher;
    private final String description;
    private final StderrReader stderr;
    private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
    private final ReentrantLock lifecycleLock = new ReentrantLock();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ChildShutdown shutdown;
    private volatile @Nullable Child child;

    /**
     * A transport for the server {@code name} using the runtime's codec and platform daemon reader
     * threads.
     */
    public StdioClientTransport(String name, StdioServerParameters parameters, McpRuntime runtime) {
        this(name, parameters, runtime.codec(), Thread.ofPlatform().daemon().factory());
    }

    /**
     * A transport for the server {@code name}.
     *
     * @param name the server's name, for logs
     * @param parameters what to launch and how to stop it
     * @param codec reads and writes the messages
     * @param readerThreads makes the threads that read stdout and stderr and that stop the process
     *     after it exited; each runs as long as the process, so a bounded pool is no fit
     */
    public StdioClientTransport(
            String name, StdioServerParameters parameters, JsonRpcCodec codec, ThreadFactory readerThreads) {
        this(name, parameters, codec, readerThreads, ProcessLauncher.system());
    }

    StdioClientTransport(
            String name,
            StdioServerParameters parameters,
            JsonRpcCodec codec,
            ThreadFactory readerThreads,
            ProcessLauncher launcher) {
        this.name = Objects.requireNonNull(name, "name");
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.threads = Objects.requireNonNull(readerThreads, "readerThreads");
        this.launcher = launcher;
        this.description = describe(parameters);
        this.stderr = new StderrReader(name, parameters.stderrLines());
        this.shutdown = new ChildShutdown(parameters, description, DRAIN_TIMEOUT, writeLock, stderr);
    }

    /**
     * Starts the process and its readers.
     *
     * @throws TransportException when the process cannot be started (command not found, working
     *     directory missing, not executable), naming the command and the reason
     * @throws IllegalStateException when already started or closed
     */
    @Override
    public void start(Listener listener) {
        Objects.requireNonNull(listener, "listener");
        lifecycleLock.lock();
        try {
            if (state.get() != State.NEW) {
                throw new IllegalStateException(
                        description + ": was already " + state.get().name().toLowerCase(Locale.ROOT));
            }
            ProcessLauncher.Launched launched;
            try {
                launched = launcher.launch(parameters, description);
            } catch (TransportException e) {
                state.set(State.CLOSED);
                shutdown.markClosedWithoutProcess(e);
                throw e;
            }
            Child c = new Child(launched, listener);
            child = c;
            state.set(State.RUNNING);
            log.debug("{}: started {} as pid {}", name, description, c.process.pid());
            c.start();
        } finally {
            lifecycleLock.unlock();
        }
    }

    /**
     * Writes the message as one line to the server's stdin and flushes it.
     *
     * @throws TransportException when the transport is not running, the process exited (the message
     *     names the exit code), stdin is closed, or the server has not read its stdin for {@link
     *     StdioServerParameters#writeTimeout}
     */
    @Override
    public void send(JsonRpcMessage message, @Nullable RequestId related) {
        Child c = runningChild();
        byte[] line = codec.encode(message);
        lockForWrite(c);
        try {
            if (state.get() != State.RUNNING) {
                throw shutdown.closedException();
            }
            c.stdin.write(line);
            c.stdin.write('\n');
            c.stdin.flush();
        } catch (IOException e) {
            throw writeFailed(c, e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Closes stdin, waits up to {@link StdioServerParameters#closeStdinGrace} for the process to
     * exit, then terminates and if need be kills the whole process tree, each step bounded. Returns
     * when the process is gone (or when the bounded waits ran out). Idempotent; never throws.
     */
    @Override
    public void close() {
        State previous;
        lifecycleLock.lock();
        try {
            previous = state.get();
            if (previous == State.NEW) {
                state.set(State.CLOSED);
                shutdown.markClosedWithoutProcess(null);
            } else if (previous == State.RUNNING) {
                state.set(State.STOPPING);
            }
        } finally {
            lifecycleLock.unlock();
        }
        Child c = child;
        if (previous == State.RUNNING && c != null) {
            shutdown.stop(c, ChildShutdown.Reason.CLOSE, null, () -> state.set(State.CLOSED));
        } else {
            shutdown.awaitStopped();
        }
    }

    /** {@code stdio(command arg...)}, without environment values, shortened to 200 characters. */
    @Override
    public String describe() {
        return description;
    }

    /** The process id, once started. */
    public OptionalLong pid() {
        Child c = child;
        return c == null ? OptionalLong.empty() : OptionalLong.of(c.process.pid());
    }

    /** The last stderr lines of the process, oldest first; at most {@link StdioServerParameters#stderrLines}. */
    public List<String> recentStderr() {
        return stderr.recent();
    }

    /** How many stdout lines were skipped because they were not JSON-RPC or were too long. */
    public long skippedLines() {
        Child c = child;
        return c == null ? 0 : c.stdout.skippedLines();
    }

    /** Whether the transport was started and has not closed. */
    public boolean isRunning() {
        return state.get() == State.RUNNING;
    }

    @Override
    public String toString() {
        Child c = child;
        return "StdioClientTransport[" + name + ", " + description + ", " + state.get()
                + (c == null ? "" : ", pid " + c.process.pid()) + "]";
    }

    private Child runningChild() {
        Child c = child;
        if (c == null || state.get() != State.RUNNING) {
            throw state.get() == State.NEW
                    ? new TransportException(description + ": not started")
                    : shutdown.closedException();
        }
        return c;
    }

    private void lockForWrite(Child c) {
        Duration timeout = parameters.writeTimeout();
        try {
            if (writeLock.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(description + ": interrupted while waiting to write", e);
        }
        TransportException stuck = new TransportException(description + ": stdin took nothing for " + timeout.toMillis()
                + " ms (expected: the server reads its stdin); stopping the server");
        stopAfterFailure(c, stuck);
        throw stuck;
    }

    private TransportException writeFailed(Child c, IOException e) {
        if (!c.process.isAlive()) {
            return new TransportException(
                    description + ": cannot write: process exited with code " + c.process.exitValue(), e);
        }
        if (state.get() != State.RUNNING) {
            return shutdown.closedException();
        }
        return new TransportException(description + ": cannot write to stdin: " + e.getMessage(), e);
    }

    /**
     * Starts stopping the process on a thread of its own, if nothing else is stopping it.
     *
     * @param failure what went wrong, or {@code null} when the process exited on its own
     */
    private void stopAfterFailure(Child c, @Nullable TransportException failure) {
        if (!state.compareAndSet(State.RUNNING, State.STOPPING)) {
            return;
        }
        ChildShutdown.Reason reason = failure == null ? ChildShutdown.Reason.EXIT : ChildShutdown.Reason.FAILURE;
        Thread t = threads.newThread(() -> shutdown.stop(c, reason, failure, () -> state.set(State.CLOSED)));
        t.setName("stdio-" + name + "-stop");
        t.start();
    }

    private static String describe(StdioServerParameters parameters) {
        String text = "stdio(" + parameters.commandLine() + ")";
        return text.length() <= MAX_DESCRIPTION ? text : text.substring(0, MAX_DESCRIPTION - 4) + "...)";
    }

    /** The running process and what belongs to it. */
    final class Child {
        final Process process;
        final ProcessTree tree;
        final OutputStream stdin;
        final Listener listener;
        final StdoutReader stdout;
        final Thread stdoutThread;
        final Thread stderrThread;

        Child(ProcessLauncher.Launched launched, Listener listener) {
            this.process = launched.process();
            this.tree = new ProcessTree(process, launched.ownSession(), ProcSessions.system());
            this.stdin = process.getOutputStream();
            this.listener = listener;
            this.stdout = new StdoutReader(name, codec, listener, r -> send(r, null), tree::snapshot);
            this.stdoutThread = threads.newThread(this::readStdout);
            this.stdoutThread.setName("stdio-" + name + "-stdout");
            this.stderrThread = threads.newThread(() -> stderr.read(process.getErrorStream()));
            this.stderrThread.setName("stdio-" + name + "-stderr");
        }

        // the exit callback does all its work itself and reports through the listener
        @SuppressWarnings("FutureReturnValueIgnored")
        void start() {
            tree.snapshot();
            stdoutThread.start();
            stderrThread.start();
            process.onExit().whenComplete((exited, error) -> stopAfterFailure(this, null));
        }

        private void readStdout() {
            LineReader lines = new LineReader(process.getInputStream(), parameters.maxLineBytes());
            try {
                while (lines.next(stdout)) {
                    // each line went to the listener
                }
            } catch (IOException e) {
                log.debug("{}: stdout read ended: {}", name, e.toString());
            }
            // Normally the process is exiting and onExit stops it. One that closed its stdout and
            // goes on running can no longer answer, so it is stopped too.
            if (state.get() == State.RUNNING && !tree.awaitChildExit(DRAIN_TIMEOUT)) {
                stopAfterFailure(
                        this,
                        new TransportException(description + ": the process closed its stdout but is still running"));
            }
        }
    }
}
