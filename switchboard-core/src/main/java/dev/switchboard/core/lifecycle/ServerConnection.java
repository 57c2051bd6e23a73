package dev.switchboard.core.lifecycle;

import dev.switchboard.mcp.client.McpClient;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One initialized session with one server, made by a {@link ServerConnector}: the client, which
 * transport it runs over, and for a stdio server the process id and its recent stderr. Thread-safe.
 */
public final class ServerConnection implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ServerConnection.class);

    private final String server;
    private final String transport;
    private final McpClient client;
    private final OptionalLong pid;
    private final Supplier<List<String>> stderr;

    /**
     * A connection.
     *
     * @param server the server's name
     * @param transport {@code stdio}, {@code http}, {@code sse} or {@code websocket}
     * @param client the initialized client
     * @param pid the process id of a stdio server, or empty
     * @param stderr reads the process's recent stderr lines (empty for a remote server)
     */
    public ServerConnection(
            String server, String transport, McpClient client, OptionalLong pid, Supplier<List<String>> stderr) {
        this.server = Objects.requireNonNull(server, "server");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.client = Objects.requireNonNull(client, "client");
        this.pid = Objects.requireNonNull(pid, "pid");
        this.stderr = Objects.requireNonNull(stderr, "stderr");
    }

    /** The server's name. */
    public String server() {
        return server;
    }

    /** The transport in use: {@code stdio}, {@code http}, {@code sse} or {@code websocket}. */
    public String transport() {
        return transport;
    }

    /** The initialized client. */
    public McpClient client() {
        return client;
    }

    /** The process id of a stdio server; empty for a remote one. */
    public OptionalLong pid() {
        return pid;
    }

    /** The last lines the process wrote to stderr, oldest first; empty for a remote server. */
    public List<String> recentStderr() {
        return stderr.get();
    }

    /** Whether the session is still open. */
    public boolean isOpen() {
        return client.session().isOpen();
    }

    /** Completes when the session closes: with the cause, or {@code null} when it was closed here. */
    public CompletableFuture<@Nullable Throwable> closeFuture() {
        return client.session().closeFuture();
    }

    /**
     * Closes the session and its transport; for a stdio server, returns once the process tree is
     * gone (bounded by the transport's shutdown graces). Idempotent.
     */
    @Override
    public void close() {
        client.close();
    }

    /** {@link #close()}, logging instead of throwing. */
    void closeQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            log.warn("server {}: closing the connection failed", server, e);
        }
    }

    @Override
    public String toString() {
        return "ServerConnection[" + server + ", " + transport + (pid.isPresent() ? ", pid " + pid.getAsLong() : "")
                + (isOpen() ? ", open" : ", closed") + "]";
    }
}
