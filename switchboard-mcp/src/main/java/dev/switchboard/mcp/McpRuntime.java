package dev.switchboard.mcp;

import dev.switchboard.mcp.jsonrpc.JsonRpcCodec;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * What the sessions and transports of one application share: a timer thread for request timeouts,
 * an executor of virtual threads for request handlers and blocking reads, one {@link HttpClient}
 * for every HTTP, SSE and WebSocket connection (made on first use), and the JSON codec. Create one
 * per gateway or application (the composition root) and close it last. Thread-safe.
 */
public final class McpRuntime implements AutoCloseable {
    private final ScheduledThreadPoolExecutor timer;
    private final ExecutorService virtualThreads;
    private final JsonRpcCodec codec;
    private final ReentrantLock clientLock = new ReentrantLock();
    private volatile @Nullable HttpClient httpClient;
    private boolean closed;

    /** A runtime whose HTTP client (HTTP/1.1, 10 s connect timeout, no redirects) is made on first use. */
    public McpRuntime() {
        this(new JsonRpcCodec());
    }

    /** A runtime using {@code codec}. */
    public McpRuntime(JsonRpcCodec codec) {
        this.codec = codec;
        this.timer = new ScheduledThreadPoolExecutor(
                1, Thread.ofPlatform().name("mcp-timer").daemon().factory());
        this.timer.setRemoveOnCancelPolicy(true);
        this.virtualThreads = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("mcp-", 0).factory());
    }

    /** The timer for timeouts; tasks must be short and never block. */
    public ScheduledExecutorService timer() {
        return timer;
    }

    /** An executor that runs each task on a new virtual thread. */
    public ExecutorService virtualThreads() {
        return virtualThreads;
    }

    /**
     * The HTTP client shared by every HTTP-based transport, made by the first call: building one sets
     * up TLS (the default SSL context, the trust store), about 160 ms of CPU in a cold JVM, which an
     * application talking only to stdio servers never needs. After {@link #close()} it is shut down.
     */
    public HttpClient httpClient() {
        HttpClient client = httpClient;
        if (client != null) {
            return client;
        }
        clientLock.lock();
        try {
            client = httpClient;
            if (client == null) {
                client = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10))
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .executor(virtualThreads)
                        .build();
                if (closed) {
                    client.shutdownNow();
                }
                httpClient = client;
            }
            return client;
        } finally {
            clientLock.unlock();
        }
    }

    /** The JSON-RPC codec. */
    public JsonRpcCodec codec() {
        return codec;
    }

    /** Stops the timer and the executor, waiting at most two seconds for running tasks. */
    @Override
    public void close() {
        timer.shutdownNow();
        virtualThreads.shutdownNow();
        clientLock.lock();
        try {
            closed = true;
            HttpClient client = httpClient;
            if (client != null) {
                client.shutdownNow();
            }
        } finally {
            clientLock.unlock();
        }
        try {
            virtualThreads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
