package dev.switchboard.server.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Blocker;

/** Reads request bodies with a size limit. Blocks the calling (virtual) thread while the client sends. */
public final class RequestBodies {
    private RequestBodies() {}

    /**
     * The whole body of {@code request}.
     *
     * @param maxBytes the most bytes accepted
     * @return the body; empty when there is none
     * @throws TooLargeException when the body has more than {@code maxBytes} (read no further)
     * @throws IOException when the client fails while sending; Jetty's idle timeout bounds each wait
     */
    public static byte[] read(Request request, int maxBytes) throws IOException {
        long declared = request.getLength();
        if (declared > maxBytes) {
            throw new TooLargeException(maxBytes);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 256);
        while (true) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                try (Blocker.Runnable blocker = Blocker.runnable()) {
                    request.demand(blocker);
                    blocker.block();
                }
                continue;
            }
            if (Content.Chunk.isFailure(chunk)) {
                Throwable failure = chunk.getFailure();
                throw failure instanceof IOException io ? io : new IOException(failure);
            }
            boolean last = chunk.isLast();
            try {
                ByteBuffer buffer = chunk.getByteBuffer();
                if (out.size() + buffer.remaining() > maxBytes) {
                    throw new TooLargeException(maxBytes);
                }
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                out.writeBytes(bytes);
            } finally {
                chunk.release();
            }
            if (last) {
                return out.toByteArray();
            }
        }
    }

    /** A body larger than the limit. */
    public static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        private final int maxBytes;

        TooLargeException(int maxBytes) {
            super(tooLarge(maxBytes));
            this.maxBytes = maxBytes;
        }

        /** The limit that was exceeded. */
        public int maxBytes() {
            return maxBytes;
        }

        /** The answer: {@link ErrorCode#PAYLOAD_TOO_LARGE} with the limit in the message. */
        public ApiError error() {
            return ApiError.of(ErrorCode.PAYLOAD_TOO_LARGE, tooLarge(maxBytes));
        }
    }

    /** The message of a body over {@code maxBytes}. */
    static String tooLarge(int maxBytes) {
        return "Request body too large: more than " + maxBytes + " bytes (expected: at most " + maxBytes + " bytes)";
    }
}
