package dev.switchboard.server.http;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One error answer of the gateway's HTTP API: {@code {"error": {"code": "server_not_found",
 * "message": "...", ...details}}} with the code's HTTP status. Immutable.
 *
 * @param code the stable code, which also gives the HTTP status
 * @param message what went wrong, for people; never contains a secret
 * @param details more fields of the {@code error} object (such as {@code server}, {@code errors}),
 *     or {@code null} for none; not modified
 */
public record ApiError(
        ErrorCode code, String message, @Nullable ObjectNode details) {

    /** Checks for nulls. */
    public ApiError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** An error without details. */
    public static ApiError of(ErrorCode code, String message) {
        return new ApiError(code, message, null);
    }

    /** This error with one more detail field. */
    public ApiError with(String field, JsonNode value) {
        ObjectNode copy = details == null ? JsonNodeFactory.instance.objectNode() : details.deepCopy();
        copy.set(field, value);
        return new ApiError(code, message, copy);
    }

    /** This error with one more text detail field. */
    public ApiError with(String field, String value) {
        return with(field, JsonNodeFactory.instance.stringNode(value));
    }

    /** The HTTP status. */
    public int status() {
        return code.status();
    }

    /** The whole body: {@code {"error": {"code": ..., details..., "message": ...}}}. */
    public ObjectNode toJson() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode error = body.putObject("error");
        error.put("code", code.code());
        if (details != null) {
            details.properties().forEach(e -> error.set(e.getKey(), e.getValue()));
        }
        error.put("message", message);
        return body;
    }
}
