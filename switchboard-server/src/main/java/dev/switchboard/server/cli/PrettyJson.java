package dev.switchboard.server.cli;

import tools.jackson.core.JacksonException;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON in and out of the command line: strict input (one value, nothing after it); output indented
 * by two spaces, arrays one item a line, {@code "name": value}, as {@code JSON.stringify(v, null,
 * 2)} and {@code jq} write it.
 */
final class PrettyJson {
    private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .defaultPrettyPrinter(new DefaultPrettyPrinter()
                    .withSeparators(Separators.createDefaultInstance()
                            .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                            .withObjectEmptySeparator("")
                            .withArrayEmptySeparator(""))
                    .withArrayIndenter(INDENT)
                    .withObjectIndenter(INDENT))
            .build();
    private static final ObjectWriter WRITER = MAPPER.writerWithDefaultPrettyPrinter();

    private PrettyJson() {}

    /** {@code node} indented, over several lines. */
    static String write(JsonNode node) {
        return WRITER.writeValueAsString(node);
    }

    /**
     * Parses {@code text} as one JSON value.
     *
     * @throws JacksonException when it is not JSON, or has more after the value
     */
    static JsonNode read(String text) {
        return MAPPER.readTree(text);
    }
}
