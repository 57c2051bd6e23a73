package dev.switchboard.mcp.client.stdio;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines ending in {@code \n} (a {@code \r} before it is dropped), without
 * decoding them, holding at most {@code maxLineBytes} of one line in memory. A longer line is
 * reported as oversized with its first {@code maxLineBytes} bytes and its full length, and reading
 * goes on after its end. A last line without a newline is delivered at the end of the stream. Not
 * thread-safe: one reader thread per stream.
 */
final class LineReader {
    private static final int CHUNK_BYTES = 8192;
    private static final int INITIAL_LINE_BYTES = 1024;

    /** Receives the lines; the array is reused, so read it before returning. */
    interface Sink {
        /** A complete line: {@code length} bytes of {@code line} from offset 0. */
        void onLine(byte[] line, int length);

        /** A line longer than the limit: its first {@code prefixLength} bytes and its total length. */
        void onOversized(byte[] prefix, int prefixLength, long totalLength);
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[CHUNK_BYTES];
    private int chunkPos;
    private int chunkEnd;
    private byte[] line;
    private int lineLength;
    private long dropped;

    LineReader(InputStream in, int maxLineBytes) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes: " + maxLineBytes + " (expected: positive)");
        }
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.line = new byte[Math.min(INITIAL_LINE_BYTES, maxLineBytes)];
    }

    /**
     * Reads up to the end of the next line and hands it to {@code sink}.
     *
     * @return false at the end of the stream, when there was no line left to deliver
     * @throws IOException when reading fails
     */
    boolean next(Sink sink) throws IOException {
        while (true) {
            if (chunkPos == chunkEnd) {
                int n = in.read(chunk);
                if (n < 0) {
                    if (lineLength == 0 && dropped == 0) {
                        return false;
                    }
                    deliver(sink);
                    return true;
                }
                chunkPos = 0;
                chunkEnd = n;
            }
            int newline = indexOfNewline();
            int end = newline < 0 ? chunkEnd : newline;
            append(chunkPos, end - chunkPos);
            if (newline < 0) {
                chunkPos = chunkEnd;
            } else {
                chunkPos = newline + 1;
                deliver(sink);
                return true;
            }
        }
    }

    private int indexOfNewline() {
        for (int i = chunkPos; i < chunkEnd; i++) {
            if (chunk[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void append(int offset, int length) {
        int room = maxLineBytes - lineLength;
        int kept = Math.min(room, length);
        if (kept > 0) {
            if (lineLength + kept > line.length) {
                int grown = (int) Math.min(maxLineBytes, Math.max((long) line.length * 2, lineLength + kept));
                line = Arrays.copyOf(line, grown);
            }
            System.arraycopy(chunk, offset, line, lineLength, kept);
            lineLength += kept;
        }
        dropped += length - kept;
    }

    private void deliver(Sink sink) {
        try {
            if (dropped > 0) {
                sink.onOversized(line, lineLength, lineLength + dropped);
            } else {
                int length = lineLength > 0 && line[lineLength - 1] == '\r' ? lineLength - 1 : lineLength;
                sink.onLine(line, length);
            }
        } finally {
            lineLength = 0;
            dropped = 0;
            if (line.length > INITIAL_LINE_BYTES * 64) {
                // a burst of long lines should not pin a large buffer for the life of the process
                line = new byte[Math.min(INITIAL_LINE_BYTES, maxLineBytes)];
            }
        }
    }
}
