package dev.switchboard.mcp.client.stdio;

import dev.switchboard.mcp.jsonrpc.JsonRpcCodec;
import dev.switchboard.mcp.jsonrpc.JsonRpcResponse;
import dev.switchboard.mcp.transport.LineReader;
import dev.switchboard.mcp.transport.Transport;
import dev.switchboard.mcp.transport.TransportException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running server process of a {@link StdioClientTransport}: its stdin, its process tree, and the
 * threads that read its stdout and stderr. It tells its owner when it exits or can no longer be
 * spoken to; the owner then stops it through {@link ChildShutdown}.
 */
final class ChildProcess {
    private static final Logger log = LoggerFactory.getLogger(ChildProcess.class);
    private static final Duration EXIT_AFTER_EOF = Duration.ofSeconds(1);

    /** The transport side of a child. */
    interface Owner {
        /** Whether the transport still counts the child as running. */
        boolean isRunning();

        /**
         * The child must be stopped.
         *
         * @param failure why, or {@code null} when the process exited on its own
         */
        void stop(ChildProcess child, @Nullable TransportException failure);

        /** Sends a response to the server (for a request it sent that was invalid). */
        void answer(JsonRpcResponse response);
    }

    final Process process;
    final ProcessTree tree;
    final StdinWriter stdin;
    final Transport.Listener listener;
    final StdoutReader stdout;
    final Thread stdoutThread;
    final Thread stderrThread;
    private final String description;
    private final int maxLineBytes;
    private final Owner owner;

    ChildProcess(
            String name,
            String description,
            StdioServerParameters parameters,
            ProcessLauncher.Launched launched,
            Transport.Listener listener,
            JsonRpcCodec codec,
            StderrReader stderr,
            ThreadFactory threads,
            Owner owner) {
        this.process = launched.process();
        this.tree = new ProcessTree(process, launched.ownSession(), ProcSessions.system());
        this.stdin = new StdinWriter(process.getOutputStream(), parameters.writeTimeout());
        this.listener = listener;
        this.stdout = new StdoutReader(name, codec, listener, owner::answer, tree::snapshot);
        this.description = description;
        this.maxLineBytes = parameters.maxLineBytes();
        this.owner = owner;
        this.stdoutThread = threads.newThread(this::readStdout);
        this.stdoutThread.setName("stdio-" + name + "-stdout");
        this.stderrThread = threads.newThread(() -> stderr.read(process.getErrorStream()));
        this.stderrThread.setName("stdio-" + name + "-stderr");
    }

    /** Starts the readers and the watch for the exit; call once the owner counts the child as running. */
    // the exit callback does all its work itself and reports through the listener
    @SuppressWarnings("FutureReturnValueIgnored")
    void start() {
        tree.snapshot();
        stdoutThread.start();
        stderrThread.start();
        process.onExit().whenComplete((exited, error) -> owner.stop(this, null));
    }

    private void readStdout() {
        LineReader lines = new LineReader(process.getInputStream(), maxLineBytes);
        try {
            for (LineReader.Result r = lines.next(); r != LineReader.Result.END; r = lines.next()) {
                if (r == LineReader.Result.LINE) {
                    stdout.onLine(lines.buffer(), lines.length());
                } else {
                    stdout.onOversized(maxLineBytes);
                }
            }
        } catch (IOException e) {
            log.debug("{}: stdout read ended: {}", description, e.toString());
        }
        // Normally the process is exiting and the exit watch stops it. One that closed its stdout
        // and goes on running can no longer answer, so it is stopped too.
        if (owner.isRunning() && !tree.awaitChildExit(EXIT_AFTER_EOF)) {
            owner.stop(
                    this, new TransportException(description + ": the process closed its stdout but is still running"));
        }
    }
}
