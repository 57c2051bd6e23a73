package dev.switchboard.mcp.server.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** Reads SSE events from a response body on a virtual thread; tests take them with a timeout. */
final class SseReader implements AutoCloseable {
    /** One event; {@code data} is the joined data lines, {@code id} and {@code name} may be null. */
    record Event(@Nullable String id, @Nullable String name, String data) {}

    private static final Event EOF = new Event(null, null, "<eof>");

    private final InputStream body;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread reader;
    private volatile @Nullable String lastId;
    private volatile @Nullable String retry;

    SseReader(InputStream body) {
        this.body = body;
        this.reader = Thread.ofVirtual().name("sse-reader").start(this::read);
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            String name = null;
            StringBuilder data = null;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(id, name, data.toString()));
                    }
                    id = null;
                    name = null;
                    data = null;
                } else if (line.startsWith("retry:")) {
                    retry = line.substring(6).trim();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    String d = line.substring(5);
                    d = d.startsWith(" ") ? d.substring(1) : d;
                    data = data == null
                            ? new StringBuilder(d)
                            : data.append('\n').append(d);
                }
            }
        } catch (IOException e) {
            // The test closed the stream, or the server ended it.
        }
        events.add(EOF);
    }

    /**
     * The next event with data that is not empty (priming events are skipped).
     *
     * @throws AssertionError when none comes within 10 seconds or the stream ended
     */
    Event next() throws InterruptedException {
        while (true) {
            Event e = events.poll(10, TimeUnit.SECONDS);
            if (e == null) {
                throw new AssertionError("no SSE event within 10 s");
            }
            if (e == EOF) {
                throw new AssertionError("the SSE stream ended");
            }
            if (e.id() != null) {
                lastId = e.id();
            }
            if (!e.data().isBlank()) {
                return e;
            }
        }
    }

    /** The id of the last event {@link #next} or {@link #endsWithin} passed, priming events included. */
    @Nullable
    String lastId() {
        return lastId;
    }

    /** The value of the last {@code retry} field read, or {@code null}. */
    @Nullable
    String retry() {
        return retry;
    }

    /** Whether the stream ends (after any remaining events) within {@code timeout}. */
    boolean endsWithin(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event e = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (e == null) {
                return false;
            }
            if (e == EOF) {
                return true;
            }
            if (e.id() != null) {
                lastId = e.id();
            }
        }
    }

    @Override
    public void close() throws IOException {
        body.close();
        reader.interrupt();
    }
}
