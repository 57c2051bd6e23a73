package dev.switchboard.mcp.client.http;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.OptionalLong;

/**
 * The body of the answer to a POST, in the form its headers call for: a JSON answer of a declared
 * length within the limit read whole by the HTTP client, which spares the exchange's thread a
 * stream, its buffers and a wake-up per piece; anything else (an event stream, an error, JSON of
 * unknown or excessive length) as a stream to read, bounded, on that thread.
 */
sealed interface PostAnswer {
    /** A complete JSON body of a successful answer. */
    record Json(byte[] bytes) implements PostAnswer {}

    /** A body still to be read. */
    record Stream(InputStream body) implements PostAnswer {}

    /** The handler that picks the form from the status and headers. */
    static HttpResponse.BodyHandler<PostAnswer> handler(int maxJsonBytes) {
        return info -> isJsonWithin(info, maxJsonBytes)
                ? HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofByteArray(), Json::new)
                : HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofInputStream(), Stream::new);
    }

    /** Whether {@code info} is a successful JSON answer (not 202) of a length within {@code max}. */
    static boolean isJsonWithin(HttpResponse.ResponseInfo info, int max) {
        int status = info.statusCode();
        if (status / 100 != 2
                || status == 202
                || !Bodies.mediaType(info.headers()).equals(McpEndpoint.JSON)) {
            return false;
        }
        OptionalLong length = info.headers().firstValueAsLong("Content-Length");
        return length.isPresent() && length.getAsLong() >= 0 && length.getAsLong() <= max;
    }
}
