package dev.switchboard.mcp.server.http;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The bytes of a request body as its chunks arrive: an array of the declared length when the
 * request has a {@code Content-Length}, otherwise one that doubles as needed; never more than a
 * limit. Not thread-safe.
 */
final class BodyBuffer {
    private static final int FIRST_CHUNKED_CAPACITY = 1024;

    private final int limit;
    private byte[] bytes;
    private int size;

    /**
     * @param declared the {@code Content-Length}, at most {@code limit}; or -1 when unknown
     * @param limit the most bytes kept
     */
    BodyBuffer(int declared, int limit) {
        this.limit = limit;
        this.bytes = new byte[declared >= 0 ? declared : Math.min(FIRST_CHUNKED_CAPACITY, limit)];
    }

    /**
     * Appends what {@code chunk} has left.
     *
     * @return false, appending nothing, when the body would grow beyond the limit
     */
    boolean append(ByteBuffer chunk) {
        int n = chunk.remaining();
        if (n > limit - size) {
            return false;
        }
        if (n > bytes.length - size) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(limit, Math.max(2L * bytes.length, (long) size + n)));
        }
        chunk.get(bytes, size, n);
        size += n;
        return true;
    }

    /** The bytes appended so far: the array itself when it is full, else a copy of its start. */
    byte[] bytes() {
        return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }
}
