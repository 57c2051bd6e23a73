package dev.switchboard.mcp.client.ws;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Settings of a {@link WebSocketClientTransport}. Immutable; build with {@link #builder}.
 *
 * @param uri the server's {@code ws} or {@code wss} URL
 * @param headers extra headers of the opening handshake, such as {@code Authorization}
 * @param maxMessageChars the largest message accepted, in UTF-16 characters, after joining its
 *     frames (default 4 Mi)
 * @param connectTimeout how long the opening handshake may take (default 10 s)
 * @param closeTimeout how long {@code close()} waits for the server's close frame (default 5 s)
 * @param pingInterval how often a ping is sent; when no pong arrives for three intervals in a row
 *     the transport closes as dead; {@code null} sends none (default 30 s)
 * @param maxQueuedMessages the most messages waiting to be written (default 10,000)
 */
public record WebSocketOptions(
        URI uri,
        Map<String, String> headers,
        int maxMessageChars,
        Duration connectTimeout,
        Duration closeTimeout,
        @Nullable Duration pingInterval,
        int maxQueuedMessages) {

    /** The subprotocol asked for in the handshake. */
    public static final String SUBPROTOCOL = "mcp";

    /** Checks every field. */
    public WebSocketOptions {
        Objects.requireNonNull(uri, "uri");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss") || uri.getHost() == null) {
            throw new IllegalArgumentException("uri: " + scheme + "://" + uri.getHost() + uri.getPath()
                    + " (expected: an absolute ws or wss URL)");
        }
        headers = Map.copyOf(headers);
        positive("maxMessageChars", maxMessageChars);
        positive("connectTimeout", connectTimeout);
        positive("closeTimeout", closeTimeout);
        if (pingInterval != null) {
            positive("pingInterval", pingInterval);
        }
        positive("maxQueuedMessages", maxQueuedMessages);
    }

    /** Default settings for {@code uri}. */
    public static WebSocketOptions of(URI uri) {
        return builder(uri).build();
    }

    /** A builder with the defaults, for {@code uri}. */
    public static Builder builder(URI uri) {
        return new Builder(uri);
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: > 0)");
        }
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: a positive duration)");
        }
    }

    /** Builds {@link WebSocketOptions}; not thread-safe. */
    public static final class Builder {
        private final URI uri;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private int maxMessageChars = 4 * 1024 * 1024;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration closeTimeout = Duration.ofSeconds(5);
        private @Nullable Duration pingInterval = Duration.ofSeconds(30);
        private int maxQueuedMessages = 10_000;

        private Builder(URI uri) {
            this.uri = Objects.requireNonNull(uri, "uri");
        }

        /** Adds a handshake header; a second value for one name replaces the first. */
        public Builder header(String name, String value) {
            headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Sets the largest message accepted, in characters. */
        public Builder maxMessageChars(int chars) {
            this.maxMessageChars = chars;
            return this;
        }

        /** Sets how long the handshake may take. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /** Sets how long closing waits for the server's close frame. */
        public Builder closeTimeout(Duration timeout) {
            this.closeTimeout = timeout;
            return this;
        }

        /** Sets the ping interval, or {@code null} for no pings. */
        public Builder pingInterval(@Nullable Duration interval) {
            this.pingInterval = interval;
            return this;
        }

        /** Sets the most messages waiting to be written. */
        public Builder maxQueuedMessages(int count) {
            this.maxQueuedMessages = count;
            return this;
        }

        /**
         * The options.
         *
         * @throws IllegalArgumentException naming the first invalid setting
         */
        public WebSocketOptions build() {
            return new WebSocketOptions(
                    uri, headers, maxMessageChars, connectTimeout, closeTimeout, pingInterval, maxQueuedMessages);
        }
    }
}
