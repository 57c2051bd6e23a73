package dev.switchboard.mcp.contract;

import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/** What the contract sends and how it reads tool results. */
final class Payloads {
    /** Text with characters of every UTF-8 length, JSON escapes and markup. */
    static final String UNICODE = "héllo wörld — ✓ 日本語 😀 \"quoted\" back\\slash\nnew line\ttab </script>";

    private Payloads() {}

    /** At least {@code bytes} bytes of UTF-8 with one-, two-, three- and four-byte characters and escapes. */
    static String large(int bytes) {
        String chunk = "0123456789 abcdef ü é ✓ 日本 😀 \"q\" \\ \n";
        int chunkBytes = chunk.getBytes(StandardCharsets.UTF_8).length;
        return chunk.repeat((bytes + chunkBytes - 1) / chunkBytes);
    }

    /** The text of a result's first content block, or "" when there is none. */
    static String text(JsonNode result) {
        return result.path("content").path(0).path("text").asString("");
    }

    /** The texts of all of a result's content blocks, joined. */
    static String allText(JsonNode result) {
        StringBuilder text = new StringBuilder();
        result.path("content").forEach(c -> text.append(c.path("text").asString("")));
        return text.toString();
    }
}
