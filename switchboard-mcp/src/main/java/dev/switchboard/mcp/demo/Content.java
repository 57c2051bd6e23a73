package dev.switchboard.mcp.demo;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Content blocks and tool results. Stateless. */
final class Content {
    /** A 1x1 red PNG. */
    static final String IMAGE_PNG_BASE64 =
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";

    /** A minimal WAV file. */
    static final String AUDIO_WAV_BASE64 = "UklGRiYAAABXQVZFZm10IBAAAAABAAEAQB8AAAB9AAACABAAZGF0YQIAAAA=";

    private Content() {}

    /** A text block. */
    static ObjectNode text(String text) {
        ObjectNode block = Json.object();
        block.put("type", "text");
        block.put("text", text);
        return block;
    }

    /** An image block with the test PNG. */
    static ObjectNode image() {
        ObjectNode block = Json.object();
        block.put("type", "image");
        block.put("data", IMAGE_PNG_BASE64);
        block.put("mimeType", "image/png");
        return block;
    }

    /** An audio block with the test WAV. */
    static ObjectNode audio() {
        ObjectNode block = Json.object();
        block.put("type", "audio");
        block.put("data", AUDIO_WAV_BASE64);
        block.put("mimeType", "audio/wav");
        return block;
    }

    /** An embedded text resource block. */
    static ObjectNode embeddedText(String uri, String mimeType, String text) {
        ObjectNode resource = Json.object();
        resource.put("uri", uri);
        resource.put("mimeType", mimeType);
        resource.put("text", text);
        ObjectNode block = Json.object();
        block.put("type", "resource");
        block.set("resource", resource);
        return block;
    }

    /** A tool result with these content blocks. */
    static ObjectNode result(JsonNode... blocks) {
        ObjectNode result = Json.object();
        ArrayNode content = result.putArray("content");
        for (JsonNode block : blocks) {
            content.add(block);
        }
        return result;
    }

    /** A tool result with one text block. */
    static ObjectNode textResult(String text) {
        return result(text(text));
    }

    /** A tool result that reports a failure of the tool ({@code isError: true}). */
    static ObjectNode errorResult(String text) {
        ObjectNode result = textResult(text);
        result.put("isError", true);
        return result;
    }
}
