package dev.switchboard.mcp.server.http;

import dev.switchboard.mcp.jsonrpc.Decoded;
import dev.switchboard.mcp.jsonrpc.DecodedPayload;
import dev.switchboard.mcp.jsonrpc.JsonRpcCodec;
import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import java.io.IOException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * Reads and decodes the body of a POST, at most a configured number of bytes, answering 413 when it is
 * larger and 400 when it is one malformed message. Thread-safe.
 */
final class PostBodyReader {
    private final int maxBytes;
    private final JsonRpcCodec codec;
    private final HttpReplies replies;

    PostBodyReader(int maxBytes, JsonRpcCodec codec, HttpReplies replies) {
        this.maxBytes = maxBytes;
        this.codec = codec;
        this.replies = replies;
    }

    /**
     * The decoded body, or {@code null} after answering the request with 413 or 400. A batch comes back
     * even when some of its elements are invalid.
     *
     * @throws IOException when the client fails while sending
     */
    @Nullable
    DecodedPayload read(Request request, Response response, Callback callback) throws IOException {
        byte[] body = readBounded(request);
        if (body == null) {
            // the rest of the body stays unread, so the connection cannot carry another request
            response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE);
            String limit = maxBytes + " bytes";
            replies.error(
                    response,
                    callback,
                    413,
                    null,
                    JsonRpcError.of(
                            JsonRpcError.INVALID_REQUEST,
                            "Request body too large: more than " + limit + " (expected: at most " + limit + ")"));
            return null;
        }
        DecodedPayload payload = codec.decode(body);
        if (!payload.batch() && payload.items().get(0) instanceof Decoded.Invalid invalid) {
            replies.error(response, callback, 400, invalid.id(), invalid.error());
            return null;
        }
        return payload;
    }

    /**
     * The whole body, or {@code null} when it has more than {@code maxBytes}. A body with a {@code
     * Content-Length} is read into an array of exactly that size; a chunked one into a growing one.
     */
    private byte @Nullable [] readBounded(Request request) throws IOException {
        long declared = request.getLength();
        if (declared > maxBytes) {
            return null;
        }
        BodyBuffer buffer = new BodyBuffer(declared >= 0 ? (int) declared : -1, maxBytes);
        while (true) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                awaitContent(request);
                continue;
            }
            if (Content.Chunk.isFailure(chunk)) {
                Throwable failure = chunk.getFailure();
                throw failure instanceof IOException io ? io : new IOException(failure);
            }
            boolean last = chunk.isLast();
            boolean fits;
            try {
                fits = buffer.append(chunk.getByteBuffer());
            } finally {
                chunk.release();
            }
            if (!fits) {
                return null;
            }
            if (last) {
                return buffer.bytes();
            }
        }
    }

    /** Waits until the client sent more of the body; Jetty's idle timeout bounds the wait. */
    private static void awaitContent(Request request) throws IOException {
        try (Blocker.Runnable blocker = Blocker.runnable()) {
            request.demand(blocker);
            blocker.block();
        }
    }
}
