package dev.switchboard.mcp.demo;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Builds the JSON of the demo server's results. Stateless. */
final class Json {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {}

    /** A new empty object. */
    static ObjectNode object() {
        return NODES.objectNode();
    }

    /** A new empty array. */
    static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** An array of strings. */
    static ArrayNode strings(List<String> values) {
        ArrayNode array = NODES.arrayNode(values.size());
        values.forEach(array::add);
        return array;
    }

    /** Parses a JSON object literal of the source code. */
    static ObjectNode parseObject(String json) {
        JsonNode node = JsonMapper.shared().readTree(json);
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException("json: " + json + " (expected: an object)");
        }
        return object;
    }

    /** Compact JSON text, like JavaScript's {@code JSON.stringify}. */
    static String stringify(JsonNode node) {
        return node.toString();
    }
}
