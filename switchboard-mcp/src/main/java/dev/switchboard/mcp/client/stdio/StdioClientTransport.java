package dev.switchboard.mcp.client.stdio;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.jsonrpc.JsonRpcCodec;
import dev.switchboard.mcp.jsonrpc.JsonRpcMessage;
import dev.switchboard.mcp.jsonrpc.JsonRpcResponse;
import dev.switchboard.mcp.jsonrpc.RequestId;
import dev.switchboard.mcp.transport.Transport;
import dev.switchboard.mcp.transport.TransportException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client transport to an MCP server that runs as a child process and speaks newline-delimited
 * JSON-RPC (UTF-8) over its stdin and stdout.
 *
 * <p><b>Start.</b> {@link #start} launches the process as {@link StdioServerParameters} say: a
 * minimal environment unless told otherwise, and on Linux (when {@code /usr/bin/setsid} exists) a
 * session and process group of its own, so that everything it spawns can be found later. A command
 * that cannot be started fails there, with the reason. Two reader threads start with it; they are
 * platform daemon threads by default, since a blocking read from a pipe would pin a virtual thread's
 * carrier for as long as the process lives.
 *
 * <p><b>Reading.</b> Each stdout line is one message or a batch (delivered element by element).
 * Anything else a server prints there (banners, blank lines, log noise, a line over {@link
 * StdioServerParameters#maxLineBytes}, which is never held in memory whole) is skipped and logged,
 * never fatal. Stderr is kept in a ring of the last {@link StdioServerParameters#stderrLines} lines
 * ({@link #recentStderr()}) and logged at INFO under the logger {@code
 * dev.switchboard.mcp.client.stdio.StdioClientTransport.stderr} with the server's name.
 *
 * <p><b>Writing.</b> {@link #send} writes one line per message and flushes it, one sender at a time,
 * so concurrent senders never interleave. A sender that waits longer than {@link
 * StdioServerParameters#writeTimeout} for its turn means the server stopped reading: the send fails
 * and the server is stopped.
 *
 * <p><b>Exit and close.</b> When the process exits on its own, what it wrote to stdout is delivered
 * first, what it left running is stopped, and then the listener's {@code onClose} gets a {@link
 * TransportException} with the exit code and the last stderr lines. {@link #close} closes stdin,
 * waits for the exit, then sends SIGTERM to the whole process tree (the process, every descendant
 * seen, and on Linux every member of its session), waits, and sends SIGKILL to what is left; every
 * wait is bounded by the graces of the parameters. The JVM reaps the process, so no zombie remains.
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
    private final ChildShutdown shutdown;
    private final Owner owner = new Owner();
    private volatile @Nullable ChildProcess child;

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
        this.shutdown = new ChildShutdown(parameters, description, DRAIN_TIMEOUT, stderr);
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
            ChildProcess c =
                    new ChildProcess(name, description, parameters, launched, listener, codec, stderr, threads, owner);
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
        ChildProcess c = runningChild();
        byte[] line = codec.encode(message);
        StdinWriter.Result result;
        try {
            result = c.stdin.writeLine(line, this::isRunning);
        } catch (IOException e) {
            throw writeFailed(c, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(description + ": interrupted while waiting to write", e);
        }
        switch (result) {
            case WRITTEN -> {}
            case CLOSED -> throw shutdown.closedException();
            case STUCK -> {
                TransportException stuck = new TransportException(description + ": stdin took nothing for "
                        + parameters.writeTimeout().toMillis()
                        + " ms (expected: the server reads its stdin); stopping the server");
                owner.stop(c, stuck);
                throw stuck;
            }
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
        ChildProcess c = child;
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
        ChildProcess c = child;
        return c == null ? OptionalLong.empty() : OptionalLong.of(c.process.pid());
    }

    /** The process's exit code once it has exited (and was reaped); empty before the start and while it runs. */
    public OptionalInt exitCode() {
        ChildProcess c = child;
        if (c == null || c.process.isAlive()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(c.process.exitValue());
    }

    /** The last stderr lines of the process, oldest first; at most {@link StdioServerParameters#stderrLines}. */
    public List<String> recentStderr() {
        return stderr.recent();
    }

    /** How many stdout lines were skipped because they were not JSON-RPC or were too long. */
    public long skippedLines() {
        ChildProcess c = child;
        return c == null ? 0 : c.stdout.skippedLines();
    }

    /** Whether the transport was started and has not closed. */
    public boolean isRunning() {
        return state.get() == State.RUNNING;
    }

    @Override
    public String toString() {
        ChildProcess c = child;
        return "StdioClientTransport[" + name + ", " + description + ", " + state.get()
                + (c == null ? "" : ", pid " + c.process.pid()) + "]";
    }

    private ChildProcess runningChild() {
        ChildProcess c = child;
        if (c == null || state.get() != State.RUNNING) {
            throw state.get() == State.NEW
                    ? new TransportException(description + ": not started")
                    : shutdown.closedException();
        }
        return c;
    }

    private TransportException writeFailed(ChildProcess c, IOException e) {
        if (!c.process.isAlive()) {
            return new TransportException(
                    description + ": cannot write: process exited with code " + c.process.exitValue(), e);
        }
        if (state.get() != State.RUNNING) {
            return shutdown.closedException();
        }
        return new TransportException(description + ": cannot write to stdin: " + e.getMessage(), e);
    }

    private static String describe(StdioServerParameters parameters) {
        String text = "stdio(" + parameters.commandLine() + ")";
        return text.length() <= MAX_DESCRIPTION ? text : text.substring(0, MAX_DESCRIPTION - 4) + "...)";
    }

    /** What a child reports to this transport. */
    private final class Owner implements ChildProcess.Owner {
        @Override
        public boolean isRunning() {
            return StdioClientTransport.this.isRunning();
        }

        /** Stops the child on a thread of its own, unless something else is stopping it already. */
        @Override
        public void stop(ChildProcess c, @Nullable TransportException failure) {
            if (!state.compareAndSet(State.RUNNING, State.STOPPING)) {
                return;
            }
            ChildShutdown.Reason reason = failure == null ? ChildShutdown.Reason.EXIT : ChildShutdown.Reason.FAILURE;
            Thread t = threads.newThread(() -> shutdown.stop(c, reason, failure, () -> state.set(State.CLOSED)));
            t.setName("stdio-" + name + "-stop");
            t.start();
        }

        @Override
        public void answer(JsonRpcResponse response) {
            send(response, null);
        }
    }
}
