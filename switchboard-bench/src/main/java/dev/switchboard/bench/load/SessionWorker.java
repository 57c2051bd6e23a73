package dev.switchboard.bench.load;

import dev.switchboard.mcp.client.McpClient;
import dev.switchboard.mcp.session.RequestOptions;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One session's loop: calls the tool until the window ends or its budget is spent. Pooled, it keeps
 * one session and opens a new one after a failure that may have broken it; cold, it opens, calls and
 * closes a session for every call, all of which counts in the call's latency. After a failure it
 * waits 20 ms, so that a target that fails at once is not called in a tight loop.
 */
final class SessionWorker implements Runnable {
    private static final long BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final Window window;
    private final LoadTarget target;
    private final LoadOptions options;
    private final JsonNode arguments;
    private final RequestOptions requestOptions;
    private final Executor closer;
    private final Tally tally = new Tally();
    private @Nullable McpClient client;

    /**
     * A worker; {@code client} is its pooled session opened beforehand, or {@code null} (cold, or the
     * opening failed: it then opens one itself). {@code closer} closes broken sessions off the loop.
     */
    SessionWorker(Window window, LoadTarget target, LoadOptions options, @Nullable McpClient client, Executor closer) {
        this.window = window;
        this.target = target;
        this.options = options;
        this.arguments = options.argumentsJson();
        this.requestOptions = RequestOptions.defaults().withTimeout(options.callTimeout());
        this.client = client;
        this.closer = closer;
    }

    @Override
    public void run() {
        while (!Thread.currentThread().isInterrupted()) {
            long start = System.nanoTime();
            if (window.over(start)) {
                return;
            }
            if (!window.take(start)) {
                if (window.measured(start)) {
                    return;
                }
                window.parkUntil(window.measureStart());
                continue;
            }
            Failure failure = options.cold() ? coldCall() : pooledCall();
            long stop = System.nanoTime();
            // measured when it ends after the warm-up, so that a slow call (a cold session, a
            // gateway starting a process) begun in the warm-up is not lost
            tally.record(window.measured(stop), failure, stop - start, stop);
            if (failure != null) {
                window.parkUntil(stop + BACKOFF_NANOS);
            }
        }
    }

    /** What this session counted; read after its thread ended. */
    Tally tally() {
        return tally;
    }

    /** The pooled session still open at the end, or {@code null}. */
    @Nullable
    McpClient remaining() {
        return client;
    }

    private @Nullable Failure pooledCall() {
        McpClient c = client;
        if (c == null) {
            try {
                c = target.open();
            } catch (RuntimeException e) {
                return Failure.connect(e);
            }
            client = c;
        }
        Failure failure = call(c);
        if (failure != null && !failure.sessionUsable()) {
            client = null;
            McpClient broken = c;
            closer.execute(broken::close);
        }
        return failure;
    }

    private @Nullable Failure coldCall() {
        McpClient c;
        try {
            c = target.open();
        } catch (RuntimeException e) {
            return Failure.connect(e);
        }
        try {
            return call(c);
        } finally {
            c.close();
        }
    }

    private @Nullable Failure call(McpClient c) {
        try {
            // the request timeout completes the future at the latest, so join() is bounded
            JsonNode result =
                    c.callToolAsync(options.tool(), arguments, requestOptions).join();
            return judge(result);
        } catch (RuntimeException e) {
            return Failure.of(e);
        }
    }

    private @Nullable Failure judge(JsonNode result) {
        if (result.path("isError").asBoolean(false)) {
            return Failure.toolError(result.path("content").toString());
        }
        String expected = options.expect();
        if (expected != null) {
            String text = result.path("content").path(0).path("text").asString("");
            if (!text.contains(expected)) {
                return Failure.unexpected(text, expected);
            }
        }
        return null;
    }
}
