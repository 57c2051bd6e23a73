package dev.switchboard.mcp.transport;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads newline-delimited lines from a stream in large chunks, with a bound on the length of a
 * line: a longer line is skipped up to its newline and reported, never buffered whole. Not
 * thread-safe: one reader thread per stream.
 */
public final class LineReader {
    private static final int RETAINED_BYTES = 64 * 1024;

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[64 * 1024];
    private int chunkPos;
    private int chunkEnd;
    private byte[] line = new byte[1024];
    private int lineLength;

    /** What one call to {@link #next} found. */
    public enum Result {
        /** A line is in {@link #buffer()}, {@link #length()} bytes, without its line terminator. */
        LINE,
        /** A line was longer than the limit and was discarded. */
        OVERSIZED,
        /** The stream ended; a last unterminated line, if any, was returned before this. */
        END
    }

    /** A reader of {@code in} that accepts lines of at most {@code maxLineBytes} bytes. */
    public LineReader(InputStream in, int maxLineBytes) {
        if (maxLineBytes <= 0) {
            throw new IllegalArgumentException("maxLineBytes: " + maxLineBytes + " (expected: > 0)");
        }
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * Reads the next line. Blocks until a whole line, the end of the stream, or an error.
     *
     * @throws IOException when reading fails
     */
    public Result next() throws IOException {
        if (line.length > RETAINED_BYTES) {
            line = new byte[RETAINED_BYTES]; // do not keep a rare huge line's buffer for the stream's life
        }
        lineLength = 0;
        boolean oversized = false;
        while (true) {
            if (chunkPos == chunkEnd) {
                int n = in.read(chunk, 0, chunk.length);
                if (n < 0) {
                    if (oversized) {
                        return Result.OVERSIZED;
                    }
                    return lineLength > 0 ? trimmed() : Result.END;
                }
                chunkPos = 0;
                chunkEnd = n;
            }
            int newline = indexOfNewline();
            int end = newline < 0 ? chunkEnd : newline;
            if (!oversized) {
                oversized = !append(end - chunkPos);
            }
            chunkPos = newline < 0 ? chunkEnd : newline + 1;
            if (newline >= 0) {
                if (oversized) {
                    return Result.OVERSIZED;
                }
                return trimmed();
            }
        }
    }

    /** The bytes of the last line read; valid until the next call. */
    public byte[] buffer() {
        return line;
    }

    /** The length of the last line read. */
    public int length() {
        return lineLength;
    }

    private int indexOfNewline() {
        for (int i = chunkPos; i < chunkEnd; i++) {
            if (chunk[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private boolean append(int count) {
        if (lineLength + count > maxLineBytes) {
            lineLength = 0;
            return false;
        }
        if (lineLength + count > line.length) {
            line = Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(line.length * 2, lineLength + count)));
        }
        System.arraycopy(chunk, chunkPos, line, lineLength, count);
        lineLength += count;
        return true;
    }

    private Result trimmed() {
        if (lineLength > 0 && line[lineLength - 1] == '\r') {
            lineLength--;
        }
        return Result.LINE;
    }
}
