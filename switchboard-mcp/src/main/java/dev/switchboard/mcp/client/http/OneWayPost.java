package dev.switchboard.mcp.client.http;

import dev.switchboard.mcp.jsonrpc.JsonRpcMessage;
import dev.switchboard.mcp.jsonrpc.JsonRpcNotification;
import dev.switchboard.mcp.protocol.McpMethods;
import dev.switchboard.mcp.transport.SessionExpiredException;
import dev.switchboard.mcp.transport.TransportException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;

/**
 * The POST of a notification or a response, which the server accepts with 202 and answers nothing.
 * When the session expired, the message is posted again once on a new session (the server rejected
 * it unprocessed). A successful {@code notifications/initialized} opens the GET stream. Failures
 * reach the listener's {@code onSendFailed}. Called on the transport's ordered lane.
 */
final class OneWayPost {
    private final McpEndpoint endpoint;
    private final SessionReinitializer reinitializer;
    private final ServerEventStream serverStream;

    OneWayPost(McpEndpoint endpoint, SessionReinitializer reinitializer, ServerEventStream serverStream) {
        this.endpoint = endpoint;
        this.reinitializer = reinitializer;
        this.serverStream = serverStream;
    }

    /** Posts {@code message}, blocking until the server accepted or refused it. */
    void post(JsonRpcMessage message) {
        if (endpoint.isClosed()) {
            return;
        }
        try {
            RemoteSession.State sent = endpoint.session().current();
            if (McpEndpoint.isExpiry(postOnce(message, sent), sent)) {
                if (!reinitializer.recover(sent)) {
                    throw notDelivered(message, "could not be re-initialized (" + reinitializer.lastFailure() + ")");
                }
                RemoteSession.State fresh = endpoint.session().current();
                if (McpEndpoint.isExpiry(postOnce(message, fresh), fresh)) {
                    throw notDelivered(message, "expired again right after re-initialization");
                }
            }
            if (message instanceof JsonRpcNotification n && McpMethods.INITIALIZED.equals(n.method())) {
                serverStream.startAndAwaitAnswer();
            }
        } catch (TransportException e) {
            endpoint.inbound().sendFailed(message, e);
        } catch (IOException e) {
            endpoint.inbound()
                    .sendFailed(
                            message,
                            new TransportException(
                                    endpoint.owner() + ": POST of a " + kind(message) + " failed: " + e, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Posts once; returns the status, throwing for errors other than an expired session. */
    private int postOnce(JsonRpcMessage message, RemoteSession.State state) throws IOException, InterruptedException {
        HttpResponse<InputStream> response =
                endpoint.calls().send(endpoint.post(endpoint.codec().encode(message), state));
        try (HttpCalls.Registration r = endpoint.calls().track(response.body())) {
            int status = response.statusCode();
            if (status / 100 != 2 && !McpEndpoint.isExpiry(status, state)) {
                throw endpoint.httpError("POST of a " + kind(message), status, response.body());
            }
            Bodies.drain(response.body(), endpoint.options().maxMessageBytes());
            return status;
        }
    }

    private SessionExpiredException notDelivered(JsonRpcMessage message, String what) {
        return new SessionExpiredException(
                endpoint.owner() + ": the session expired and " + what + "; a " + kind(message) + " was not delivered",
                null);
    }

    private static String kind(JsonRpcMessage message) {
        return message instanceof JsonRpcNotification n ? "notification " + n.method() : "response";
    }
}
