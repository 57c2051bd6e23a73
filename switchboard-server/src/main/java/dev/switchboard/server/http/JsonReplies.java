package dev.switchboard.server.http;

import dev.switchboard.mcp.jsonrpc.JsonRpcCodec;
import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import tools.jackson.databind.JsonNode;

/**
 * Writes complete JSON answers: a body with a status, an {@link ApiError}, or, on MCP endpoints, a
 * JSON-RPC error response without id. The one place where the gateway's HTTP errors get their
 * bodies. Thread-safe.
 */
public final class JsonReplies {
    /** The JSON-RPC code of errors the gateway answers before a transport sees the request. */
    public static final int TRANSPORT_ERROR = -32000;

    private static final String JSON = "application/json";

    private final JsonRpcCodec codec;

    /** Replies that encode with {@code codec}'s mapper. */
    public JsonReplies(JsonRpcCodec codec) {
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    /** Answers {@code status} with {@code body} as JSON, and completes {@code callback}. */
    public void json(Response response, Callback callback, int status, JsonNode body) {
        write(response, callback, status, JSON, codec.mapper().writeValueAsBytes(body));
    }

    /** Answers with {@code error}'s status and body. */
    public void error(Response response, Callback callback, ApiError error) {
        json(response, callback, error.status(), error.toJson());
    }

    /**
     * Answers {@code status} with a JSON-RPC error response (id {@code null}, code {@link
     * #TRANSPORT_ERROR}, or {@link JsonRpcError#INVALID_REQUEST} for 413), the form MCP clients
     * expect on an MCP endpoint.
     */
    public void jsonRpcError(Response response, Callback callback, int status, String message) {
        int code = status == 413 ? JsonRpcError.INVALID_REQUEST : TRANSPORT_ERROR;
        byte[] body = codec.encode(JsonRpcResponse.failure(null, JsonRpcError.of(code, message)));
        write(response, callback, status, JSON, body);
    }

    /** Answers {@code status} with a text body of {@code contentType}. */
    public void text(Response response, Callback callback, int status, String contentType, String body) {
        write(response, callback, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Response response, Callback callback, int status, String contentType, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
