package dev.switchboard.mcp.testing;

import dev.switchboard.mcp.jsonrpc.Decoded;
import dev.switchboard.mcp.jsonrpc.JsonRpcCodec;
import dev.switchboard.mcp.jsonrpc.JsonRpcMessage;
import dev.switchboard.mcp.jsonrpc.RequestId;
import dev.switchboard.mcp.transport.LineReader;
import dev.switchboard.mcp.transport.Transport;
import dev.switchboard.mcp.transport.TransportException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * A minimal stdio client transport for tests: starts a child process, writes one message per line
 * to its stdin, reads one per line from its stdout, and keeps the last lines of its stderr. Lines
 * on stdout that are not valid JSON-RPC are counted, never fatal. Closing ends stdin, waits up to
 * two seconds, then destroys the process (and its descendants).
 */
public final class ChildProcessTransport implements Transport {
    private static final int STDERR_LINES = 200;

    private final List<String> command;
    private final JsonRpcCodec codec;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicInteger invalidLines = new AtomicInteger();
    private final Deque<String> stderr = new ArrayDeque<>();
    private @Nullable Process process;
    private @Nullable OutputStream stdin;
    private volatile @Nullable Listener listener;

    /** A transport that will run {@code command}. */
    public ChildProcessTransport(List<String> command, JsonRpcCodec codec) {
        this.command = List.copyOf(command);
        this.codec = codec;
    }

    /** A command that runs {@code mainClass} on this JVM's java and class path. */
    public static List<String> javaCommand(String mainClass, String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command =
                new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return command;
    }

    @Override
    public void start(Listener newListener) {
        if (listener != null) {
            throw new IllegalStateException("already started");
        }
        listener = newListener;
        try {
            Process p = new ProcessBuilder(command).start();
            process = p;
            stdin = p.getOutputStream();
            Thread.ofPlatform().daemon().name("child-stdout").start(() -> readStdout(p, newListener));
            Thread.ofPlatform().daemon().name("child-stderr").start(() -> readStderr(p));
        } catch (IOException e) {
            throw new TransportException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    private void readStdout(Process p, Listener target) {
        LineReader reader = new LineReader(p.getInputStream(), 16 * 1024 * 1024);
        Throwable cause = null;
        try {
            for (LineReader.Result r = reader.next(); r != LineReader.Result.END; r = reader.next()) {
                if (r == LineReader.Result.OVERSIZED) {
                    invalidLines.incrementAndGet();
                    continue;
                }
                for (Decoded d :
                        codec.decode(reader.buffer(), 0, reader.length()).items()) {
                    if (d instanceof Decoded.Valid v) {
                        target.onMessage(v.message(), null);
                    } else {
                        invalidLines.incrementAndGet();
                        target.onInvalidMessage(d.toString());
                    }
                }
            }
        } catch (IOException e) {
            cause = e;
        }
        if (closed.compareAndSet(false, true)) {
            target.onClose(cause != null ? cause : new TransportException("child process ended its output"));
        }
    }

    private void readStderr(Process p) {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                writeLock.lock();
                try {
                    if (stderr.size() == STDERR_LINES) {
                        stderr.removeFirst();
                    }
                    stderr.addLast(line);
                } finally {
                    writeLock.unlock();
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /** The last lines the child wrote to stderr. */
    public List<String> stderrLines() {
        writeLock.lock();
        try {
            return List.copyOf(stderr);
        } finally {
            writeLock.unlock();
        }
    }

    /** How many stdout lines were not valid JSON-RPC messages. */
    public int invalidLines() {
        return invalidLines.get();
    }

    /** The child process (after {@link #start}). */
    public Process process() {
        Process p = process;
        if (p == null) {
            throw new IllegalStateException("not started");
        }
        return p;
    }

    @Override
    public void send(JsonRpcMessage message, @Nullable RequestId related) {
        OutputStream out = stdin;
        if (closed.get() || out == null) {
            throw new TransportException("child process transport is closed");
        }
        writeLock.lock();
        try {
            out.write(codec.encode(message));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new TransportException("cannot write to the child's stdin: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void close() {
        Process p = process;
        boolean first = closed.compareAndSet(false, true);
        if (p != null) {
            try {
                p.getOutputStream().close();
                if (!p.waitFor(2, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroy);
                    p.destroy();
                    if (!p.waitFor(2, TimeUnit.SECONDS)) {
                        p.descendants().forEach(ProcessHandle::destroyForcibly);
                        p.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
                    }
                }
            } catch (IOException e) {
                p.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        Listener target = listener;
        if (first && target != null) {
            target.onClose(null);
        }
    }

    @Override
    public String describe() {
        return "stdio(" + command.get(command.size() - 1) + ")";
    }
}
