package dev.switchboard.mcp.client.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Bounded reads of HTTP response bodies. */
final class Bodies {
    /** The most characters of a body an error message quotes. */
    static final int SNIPPET_CHARS = 200;

    private Bodies() {}

    /**
     * Reads the whole body when it has at most {@code max} bytes.
     *
     * @return the body, or {@code null} when it is longer (the rest is not read)
     */
    static byte @Nullable [] readAtMost(InputStream body, int max) throws IOException {
        byte[] bytes = body.readNBytes(max + 1 > 0 ? max + 1 : max);
        return bytes.length > max ? null : bytes;
    }

    /**
     * The start of a body for an error message: at most {@link #SNIPPET_CHARS} characters, control
     * characters replaced by spaces; reading errors give an empty snippet.
     */
    static String snippet(InputStream body) {
        byte[] bytes;
        try {
            bytes = body.readNBytes(SNIPPET_CHARS * 4);
        } catch (IOException e) {
            return "";
        }
        String text = new String(bytes, StandardCharsets.UTF_8)
                .replaceAll("\\p{Cntrl}+", " ")
                .strip();
        return text.length() > SNIPPET_CHARS ? text.substring(0, SNIPPET_CHARS) + "..." : text;
    }

    /** The media type of a response without parameters, in lower case, or {@code ""} when absent. */
    static String mediaType(HttpResponse<?> response) {
        return mediaType(response.headers());
    }

    /** The media type in {@code headers} without parameters, in lower case, or {@code ""} when absent. */
    static String mediaType(HttpHeaders headers) {
        String value = headers.firstValue("Content-Type").orElse("");
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /** Reads and drops at most {@code max} bytes, so that the connection can be reused. */
    static void drain(InputStream body, int max) {
        try {
            body.readNBytes(max);
        } catch (IOException e) {
            // the connection is closed with the stream; nothing else to do
        }
    }

    /** An error message part for an HTTP status with the start of the body, such as {@code 500: oops}. */
    static String statusWithSnippet(int status, InputStream body) {
        String snippet = snippet(body);
        return "HTTP " + status + (snippet.isEmpty() ? "" : ": " + snippet);
    }
}
