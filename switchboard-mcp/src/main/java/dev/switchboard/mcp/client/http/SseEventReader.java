package dev.switchboard.mcp.client.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads server-sent events from a byte stream as the HTML standard's event-stream interpretation
 * says: lines end with CRLF, LF or CR; a leading byte-order mark is skipped; lines starting with a
 * colon are comments; {@code data} lines are joined with {@code \n}; {@code event} sets the type;
 * {@code id} sets the last event id (unless it contains U+0000) even for an event without data;
 * {@code retry} with only ASCII digits sets the reconnection time; other fields are ignored; an
 * empty line dispatches; an event cut off by the end of the stream is discarded.
 *
 * <p>Each event is bounded: a line or an event (its non-comment lines together) longer than {@code
 * maxEventBytes} fails the read with {@link SseEventTooLargeException}, so a misbehaving server
 * cannot make the reader buffer without limit. Not thread-safe: one reader thread per stream.
 */
public final class SseEventReader {
    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final int MAX_RETRY_DIGITS = 15;

    private final InputStream in;
    private final int maxEventBytes;
    private final byte[] chunk = new byte[8192];
    private int chunkPos;
    private int chunkEnd;
    private byte[] line = new byte[256];
    private int lineLength;
    private boolean skipLineFeed;
    private boolean firstLine = true;
    private int eventBytes;
    private final StringBuilder data = new StringBuilder();
    private String eventType = "";
    private String idBuffer = "";
    private String lastEventId = "";
    private @Nullable Duration retry;
    private long dispatched;

    /**
     * A reader of {@code in}.
     *
     * @param in the stream, read in chunks as events are asked for; not closed by the reader
     * @param maxEventBytes the most bytes one event may take on the wire; positive
     */
    public SseEventReader(InputStream in, int maxEventBytes) {
        if (maxEventBytes <= 0) {
            throw new IllegalArgumentException("maxEventBytes: " + maxEventBytes + " (expected: > 0)");
        }
        this.in = Objects.requireNonNull(in, "in");
        this.maxEventBytes = maxEventBytes;
    }

    /**
     * Reads up to the next event with data and returns it; blocks until then.
     *
     * @return the event, or {@code null} at the end of the stream (a cut-off event is discarded)
     * @throws SseEventTooLargeException when a line or an event exceeds the limit
     * @throws IOException when reading fails
     */
    public @Nullable SseEvent next() throws IOException {
        while (readLine()) {
            if (lineLength == 0) {
                SseEvent event = dispatch();
                if (event != null) {
                    return event;
                }
            } else {
                processLine();
            }
        }
        return null;
    }

    /** The stream's last event id: the last {@code id} of a dispatched block, or {@code ""}. */
    public String lastEventId() {
        return lastEventId;
    }

    /** How many events {@link #next} has returned so far. */
    public long dispatchedEvents() {
        return dispatched;
    }

    /** The reconnection time the server set with {@code retry}, or {@code null} when it set none. */
    public @Nullable Duration retry() {
        return retry;
    }

    private boolean readLine() throws IOException {
        lineLength = 0;
        while (true) {
            if (chunkPos == chunkEnd && !fill()) {
                return false;
            }
            if (skipLineFeed) {
                skipLineFeed = false;
                if (chunk[chunkPos] == LF) {
                    chunkPos++;
                    continue;
                }
            }
            int end = chunkPos;
            while (end < chunkEnd && chunk[end] != LF && chunk[end] != CR) {
                end++;
            }
            append(chunkPos, end - chunkPos);
            if (end < chunkEnd) {
                skipLineFeed = chunk[end] == CR;
                chunkPos = end + 1;
                stripByteOrderMark();
                return true;
            }
            chunkPos = end;
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(chunk, 0, chunk.length);
        if (n < 0) {
            return false;
        }
        chunkPos = 0;
        chunkEnd = n;
        return true;
    }

    private void append(int from, int length) throws SseEventTooLargeException {
        if (length == 0) {
            return;
        }
        int needed = lineLength + length;
        boolean comment = (lineLength == 0 ? chunk[from] : line[0]) == ':';
        if (needed > maxEventBytes || (!comment && eventBytes + needed > maxEventBytes)) {
            throw new SseEventTooLargeException(maxEventBytes);
        }
        if (needed > line.length) {
            line = Arrays.copyOf(line, Math.min(maxEventBytes, Math.max(needed, line.length * 2)));
        }
        System.arraycopy(chunk, from, line, lineLength, length);
        lineLength = needed;
    }

    private void stripByteOrderMark() {
        if (!firstLine) {
            return;
        }
        firstLine = false;
        if (lineLength >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB && line[2] == (byte) 0xBF) {
            System.arraycopy(line, 3, line, 0, lineLength - 3);
            lineLength -= 3;
        }
    }

    private void processLine() {
        if (line[0] == ':') {
            return;
        }
        eventBytes += lineLength + 1;
        int colon = 0;
        while (colon < lineLength && line[colon] != ':') {
            colon++;
        }
        String field = new String(line, 0, colon, StandardCharsets.UTF_8);
        int valueStart = Math.min(colon + 1, lineLength);
        if (valueStart < lineLength && line[valueStart] == ' ') {
            valueStart++;
        }
        String value = new String(line, valueStart, lineLength - valueStart, StandardCharsets.UTF_8);
        switch (field) {
            case "data" -> data.append(value).append('\n');
            case "event" -> eventType = value;
            case "id" -> {
                if (value.indexOf('\0') < 0) {
                    idBuffer = value;
                }
            }
            case "retry" -> setRetry(value);
            default -> {
                // unknown fields are ignored, as the standard says
            }
        }
    }

    private void setRetry(String value) {
        if (value.isEmpty() || value.length() > MAX_RETRY_DIGITS) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return;
            }
        }
        retry = Duration.ofMillis(Long.parseLong(value));
    }

    private @Nullable SseEvent dispatch() {
        lastEventId = idBuffer;
        eventBytes = 0;
        if (data.isEmpty()) {
            eventType = "";
            return null;
        }
        String payload = data.substring(0, data.length() - 1);
        String type = eventType.isEmpty() ? SseEvent.DEFAULT_TYPE : eventType;
        data.setLength(0);
        eventType = "";
        dispatched++;
        return new SseEvent(type, payload, lastEventId);
    }
}
