package dev.switchboard.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The demo server serving Streamable HTTP in a child JVM, which both clients share. It listens on a
 * free port of 127.0.0.1 chosen just before the start; its output goes to a log file, shown when it
 * fails to start.
 */
final class HttpServerProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final URI url;
    private final Path log;

    private HttpServerProcess(Process process, URI url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    /**
     * Starts the server and waits until it accepts connections.
     *
     * @throws IOException when it cannot start or does not listen within 30 seconds
     */
    static HttpServerProcess start(ServerCommand command) throws IOException, InterruptedException {
        int port = freePort();
        Path log = Files.createTempFile("switchboard-bench-http-server", ".log");
        List<String> line = command.http(port);
        Process process = new ProcessBuilder(line)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        HttpServerProcess server = new HttpServerProcess(process, URI.create("http://127.0.0.1:" + port + "/mcp"), log);
        try {
            server.awaitListening(port);
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** The MCP endpoint. */
    URI url() {
        return url;
    }

    /** The child's process id. */
    long pid() {
        return process.pid();
    }

    private void awaitListening(int port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (!process.isAlive()) {
                throw new IOException("http server: exited with " + process.exitValue() + " (expected: to listen on "
                        + port + ")\n" + logTail());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                // a bounded poll: the child prints nothing we could wait on portably
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }
        throw new IOException("http server: not listening on " + port + " after " + START_TIMEOUT
                + " (expected: to start)\n" + logTail());
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Stops the child: SIGTERM, then after 5 seconds SIGKILL. */
    @Override
    public void close() {
        ChildProcesses.stop(process.toHandle());
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // a leftover temporary file is harmless
        }
    }
}
