package dev.switchboard.mcp.jsonrpc;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A JSON-RPC request id: a string or an integral number, compared by value so that it can key maps.
 * Immutable and thread-safe.
 */
public final class RequestId {
    private final @Nullable String text;
    private final long number;

    private RequestId(@Nullable String text, long number) {
        this.text = text;
        this.number = number;
    }

    /** An id that is a JSON number. */
    public static RequestId of(long number) {
        return new RequestId(null, number);
    }

    /** An id that is a JSON string. */
    public static RequestId of(String text) {
        return new RequestId(Objects.requireNonNull(text, "text"), 0);
    }

    /**
     * Reads an id from its JSON form.
     *
     * @return the id, or {@code null} when {@code node} is neither a string nor an integral number
     */
    public static @Nullable RequestId fromJson(@Nullable JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isString()) {
            return new RequestId(node.asString(), 0);
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return new RequestId(null, node.longValue());
        }
        return null;
    }

    /** Whether this id is a JSON string. */
    public boolean isString() {
        return text != null;
    }

    /** The JSON form of this id. */
    public JsonNode toJson() {
        return text != null ? JsonNodeFactory.instance.stringNode(text) : JsonNodeFactory.instance.numberNode(number);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof RequestId other && number == other.number && Objects.equals(text, other.text);
    }

    @Override
    public int hashCode() {
        return text != null ? text.hashCode() : Long.hashCode(number);
    }

    /** The id as JSON would show it: {@code 7} or {@code "abc"}. */
    @Override
    public String toString() {
        return text != null ? '"' + text + '"' : Long.toString(number);
    }
}
