package dev.switchboard.mcp.demo;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * One tool of the demo server.
 *
 * @param name the tool's name
 * @param description what it does; never empty (the conformance suite checks every tool's)
 * @param inputSchema its input schema, served verbatim
 * @param outputSchema its output schema, or {@code null}
 * @param handler what a call does
 */
record Tool(
        String name,
        String description,
        ObjectNode inputSchema,
        @Nullable ObjectNode outputSchema,
        Handler handler) {

    Tool {
        Objects.requireNonNull(name, "name");
        if (description.isBlank()) {
            throw new IllegalArgumentException("description of " + name + ": \"\" (expected: not blank)");
        }
        Objects.requireNonNull(inputSchema, "inputSchema");
        Objects.requireNonNull(handler, "handler");
    }

    /** A tool without an output schema. */
    static Tool of(String name, String description, ObjectNode inputSchema, Handler handler) {
        return new Tool(name, description, inputSchema, null, handler);
    }

    /** The tool's entry in {@code tools/list}. */
    ObjectNode describe() {
        ObjectNode node = Json.object();
        node.put("name", name);
        node.put("description", description);
        node.set("inputSchema", inputSchema.deepCopy());
        if (outputSchema != null) {
            node.set("outputSchema", outputSchema.deepCopy());
        }
        return node;
    }

    /** What a call of the tool does. Runs on the request's virtual thread: may block. */
    @FunctionalInterface
    interface Handler {
        /**
         * Runs the tool.
         *
         * @return the {@code tools/call} result
         * @throws ToolException to answer with a tool error ({@code isError: true})
         * @throws InterruptedException when the thread is interrupted while waiting
         */
        ObjectNode call(ToolCall call) throws InterruptedException;
    }
}
