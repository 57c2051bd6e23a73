package dev.switchboard.mcp.demo;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** JSON schemas of tool inputs and outputs. Stateless. */
final class Schemas {
    private Schemas() {}

    /** An object schema without properties: {@code {"type":"object","properties":{}}}. */
    static ObjectNode empty() {
        ObjectNode schema = Json.object();
        schema.put("type", "object");
        schema.putObject("properties");
        return schema;
    }

    /** Starts an object schema. */
    static Builder object() {
        return new Builder();
    }

    /** Builds an object schema. Not thread-safe. */
    static final class Builder {
        private final ObjectNode schema = empty();
        private final ArrayNode required = Json.array();

        /** Adds a property of {@code type} with a description. */
        Builder property(String name, String type, String description, boolean isRequired) {
            ObjectNode property = ((ObjectNode) schema.get("properties")).putObject(name);
            property.put("type", type);
            property.put("description", description);
            if (isRequired) {
                required.add(name);
            }
            return this;
        }

        /** The schema. */
        ObjectNode build() {
            if (!required.isEmpty()) {
                schema.set("required", required);
            }
            return schema;
        }
    }
}
