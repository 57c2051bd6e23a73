package dev.switchboard.mcp.demo;

import java.util.List;

/**
 * The conformance suite's fixtures that return fixed content: text, image, audio, an embedded
 * resource, a mix, a tool error, and a tool with a JSON Schema 2020-12 input schema. Stateless.
 */
final class ContentTools {
    private static final String SCHEMA_2020_12 = """
            {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
             "$defs":{"address":{"type":"object","properties":{"street":{"type":"string"},"city":{"type":"string"}}}},
             "properties":{"name":{"type":"string"},"address":{"$ref":"#/$defs/address"}},
             "additionalProperties":false}
            """;

    private ContentTools() {}

    static List<Tool> tools() {
        return List.of(
                Tool.of(
                        "test_simple_text",
                        "Returns a simple text content block.",
                        Schemas.empty(),
                        call -> Content.textResult("This is a simple text response for testing.")),
                Tool.of(
                        "test_image_content",
                        "Returns an image content block (a 1x1 PNG).",
                        Schemas.empty(),
                        call -> Content.result(Content.image())),
                Tool.of(
                        "test_audio_content",
                        "Returns an audio content block (a minimal WAV).",
                        Schemas.empty(),
                        call -> Content.result(Content.audio())),
                Tool.of(
                        "test_embedded_resource",
                        "Returns an embedded text resource.",
                        Schemas.empty(),
                        call -> Content.result(Content.embeddedText(
                                "test://embedded-resource", "text/plain", "This is an embedded resource content."))),
                Tool.of(
                        "test_multiple_content_types",
                        "Returns text, an image and an embedded resource in one result.",
                        Schemas.empty(),
                        call -> Content.result(
                                Content.text("Multiple content types test:"),
                                Content.image(),
                                Content.embeddedText(
                                        "test://mixed-content-resource",
                                        "application/json",
                                        "{\"test\":\"data\",\"value\":123}"))),
                Tool.of(
                        "test_error_handling",
                        "Always fails, with a tool error result (isError: true).",
                        Schemas.empty(),
                        call -> Content.errorResult("This tool intentionally returns an error for testing")),
                Tool.of(
                        "json_schema_2020_12_tool",
                        "Tool with JSON Schema 2020-12 features for conformance testing (SEP-1613)",
                        Json.parseObject(SCHEMA_2020_12),
                        call -> Content.textResult(
                                "JSON Schema 2020-12 tool called with: " + Json.stringify(call.arguments()))));
    }
}
