package dev.switchboard.mcp.transport;

import dev.switchboard.mcp.jsonrpc.JsonRpcMessage;
import dev.switchboard.mcp.jsonrpc.RequestId;
import org.jspecify.annotations.Nullable;

/**
 * Moves JSON-RPC messages between this side and one peer: a child process over stdio, a
 * Streamable HTTP, SSE or WebSocket connection, or one client session of a server transport.
 *
 * <p>Lifecycle: {@link #start} once, then any number of {@link #send} calls from any thread, then
 * {@link #close}. Implementations are thread-safe. Incoming messages reach the {@link Listener} in
 * the order they were read from each underlying stream.
 */
public interface Transport extends AutoCloseable {

    /**
     * Starts reading. For a client transport this connects (starts the process, opens the socket);
     * it returns once the transport can send.
     *
     * @throws TransportException when the transport cannot be started, with the reason
     * @throws IllegalStateException when called twice
     */
    void start(Listener listener);

    /**
     * Sends one message. May block while the wire applies back-pressure; does not wait for an
     * answer.
     *
     * @param message the message
     * @param related for a message this side sends while handling a request of the peer (progress, a
     *     log message, a nested request such as {@code sampling/createMessage}), the id of that
     *     request, so that a transport that answers each request on its own stream (Streamable HTTP)
     *     can put it there; otherwise {@code null}
     * @throws TransportException when the transport is closed or the message could not be written;
     *     a failure that happens after this method returned is reported through {@link
     *     Listener#onSendFailed}
     */
    void send(JsonRpcMessage message, @Nullable RequestId related);

    /**
     * Closes the transport and releases everything it holds (processes, connections, threads); for
     * a client transport of a session-based protocol it also ends the remote session. Bounded in
     * time; idempotent; never throws. {@link Listener#onClose} is called once.
     */
    @Override
    void close();

    /** A short description for logs and errors, such as {@code stdio(npx server-everything)}. */
    String describe();

    /**
     * Whether every request this transport delivers arrives on a thread of its own that may block
     * (the handler thread of the HTTP request that carried it), so that a handler that never waits
     * for the peer can run there instead of on a new thread. Default false: the transport's reader
     * threads deliver, and must not block.
     */
    default boolean deliversOnRequestThreads() {
        return false;
    }

    /** Receives what a transport reads. Called from the transport's reader threads; must not block. */
    interface Listener {
        /**
         * A message arrived.
         *
         * @param message the message
         * @param related when a request of the peer arrived on the response stream of a request this
         *     side sent (a server asking for sampling while it runs a tool call), the id of that
         *     request of ours; otherwise {@code null}
         */
        void onMessage(JsonRpcMessage message, @Nullable RequestId related);

        /**
         * A payload arrived that is not a valid message; the transport has already answered it when
         * the protocol calls for that. Informational.
         */
        default void onInvalidMessage(String description) {}

        /**
         * A message accepted by {@link #send} could not be delivered, or a request's answer can no
         * longer arrive (its HTTP response stream failed, its session expired).
         *
         * @param message the message that failed
         * @param cause why, with a message fit for the caller
         */
        void onSendFailed(JsonRpcMessage message, Throwable cause);

        /**
         * The transport closed: because {@link #close} was called ({@code cause} null) or because
         * the peer went away or failed ({@code cause} says how: exit code, connection error).
         */
        void onClose(@Nullable Throwable cause);
    }
}
