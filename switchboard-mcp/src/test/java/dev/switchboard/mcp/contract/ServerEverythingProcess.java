package dev.switchboard.mcp.contract;

import static org.awaitility.Awaitility.await;

import dev.switchboard.mcp.testing.Interop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The reference server-everything in one of its HTTP modes ({@code streamableHttp} at {@code /mcp},
 * {@code sse} at {@code /sse}) as a child process: listening on a free port it is given in {@code
 * PORT}, its output going to a file, stopped by its PID. It binds every interface; the tests only
 * ever connect to 127.0.0.1.
 */
final class ServerEverythingProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final Process process;
    private final int port;
    private final Path log;

    private ServerEverythingProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts server-everything in {@code mode} and waits until its port accepts connections.
     *
     * @throws IllegalStateException when the npm fixtures are not installed (see {@link Interop})
     */
    static ServerEverythingProcess start(String mode, Path log) throws IOException {
        Path script = Interop.serverEverything();
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(Interop.node(script, mode))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("PORT", Integer.toString(port));
        ServerEverythingProcess server = new ServerEverythingProcess(builder.start(), port, log);
        try {
            await().atMost(START_TIMEOUT)
                    .pollInterval(Duration.ofMillis(100))
                    .failFast(() -> {
                        if (!server.process.isAlive()) {
                            throw new AssertionError("server-everything " + mode + " exited with "
                                    + server.process.exitValue() + "; its output:\n" + server.output());
                        }
                    })
                    .until(server::accepts);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** A port that was free a moment ago on 127.0.0.1. */
    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private boolean accepts() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code http://127.0.0.1:PORT} followed by {@code path}. */
    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Everything the server printed so far. */
    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server (and anything it started) by PID: SIGTERM, then SIGKILL after a grace. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "server-everything[pid " + process.pid() + ", port " + port + "]";
    }
}
