package dev.switchboard.mcp.server.http;

import dev.switchboard.mcp.jsonrpc.JsonRpcCodec;
import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcResponse;
import dev.switchboard.mcp.jsonrpc.RequestId;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * Writes complete, short HTTP responses: a status alone, a JSON body, or a JSON-RPC error. The one
 * place where transport failures become HTTP statuses with JSON-RPC error bodies.
 */
final class HttpReplies {
    /** JSON-RPC code for transport-level errors (bad session, too many sessions, forbidden). */
    static final int TRANSPORT_ERROR = -32000;

    private final JsonRpcCodec codec;

    HttpReplies(JsonRpcCodec codec) {
        this.codec = codec;
    }

    /** A status without a body. */
    void status(Response response, Callback callback, int status) {
        response.setStatus(status);
        response.write(true, ByteBuffer.allocate(0), callback);
    }

    /** A status with a JSON body. */
    void json(Response response, Callback callback, int status, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** A status with a JSON-RPC error response as the body. */
    void error(Response response, Callback callback, int status, @Nullable RequestId id, JsonRpcError error) {
        json(response, callback, status, codec.encode(JsonRpcResponse.failure(id, error)));
    }

    /** 404 for a session id that is not (or no longer) known. */
    void sessionNotFound(Response response, Callback callback, String howToStartOver) {
        error(
                response,
                callback,
                404,
                "Session not found: the session expired or was closed (expected: an open" + " session; "
                        + howToStartOver + ")");
    }

    /** A status with a JSON-RPC error response without id, code {@link #TRANSPORT_ERROR}. */
    void error(Response response, Callback callback, int status, String message) {
        error(response, callback, status, null, JsonRpcError.of(TRANSPORT_ERROR, message));
    }
}
