package dev.switchboard.mcp.client.http;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of an HTTP client transport ({@link StreamableHttpClientTransport} or {@link
 * SseClientTransport}). Immutable; build with {@link #builder}.
 *
 * @param endpoint the MCP endpoint (Streamable HTTP) or the SSE URL (legacy); {@code http} or
 *     {@code https}
 * @param headers extra headers sent with every request, such as {@code Authorization}; never logged
 * @param maxMessageBytes the largest JSON response body read, in bytes (default 4 MiB)
 * @param maxSseEventBytes the largest server-sent event read, in bytes (default 4 MiB)
 * @param connectTimeout how long the legacy transport waits for its {@code endpoint} event
 *     (default 10 s)
 * @param responseTimeout how long a request waits for the response headers (default 10 min; a
 *     server answering with JSON sends them only with the result)
 * @param closeTimeout how long {@code close()} waits for the {@code DELETE} of the session
 *     (default 5 s)
 * @param maxConcurrentRequests the most POSTs of requests in flight at once; more wait for a slot,
 *     at most {@code responseTimeout} (default 256; each one holds an HTTP/1.1 connection)
 * @param maxQueuedMessages the most messages waiting to be posted (default 10,000); beyond that
 *     {@code send} fails
 * @param maxReconnectAttempts how many times in a row a broken stream is reopened without progress
 *     before giving up (default 5)
 * @param reconnectDelay the first delay before reopening a stream, doubled per failed attempt up to
 *     {@code maxReconnectDelay}, unless the server set one with {@code retry} (default 1 s)
 * @param maxReconnectDelay the longest delay before reopening a stream (default 30 s)
 * @param openServerStream whether the Streamable HTTP transport opens the GET stream for
 *     server-initiated messages after initialization (default true)
 */
public record HttpTransportOptions(
        URI endpoint,
        Map<String, String> headers,
        int maxMessageBytes,
        int maxSseEventBytes,
        Duration connectTimeout,
        Duration responseTimeout,
        Duration closeTimeout,
        int maxConcurrentRequests,
        int maxQueuedMessages,
        int maxReconnectAttempts,
        Duration reconnectDelay,
        Duration maxReconnectDelay,
        boolean openServerStream) {

    /** The default limit of a message or an event: 4 MiB. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

    /** Headers the transport sets itself or the HTTP client does not allow, in lower case. */
    private static final Set<String> RESERVED_HEADERS = Set.of(
            "accept",
            "content-type",
            "content-length",
            "connection",
            "expect",
            "host",
            "upgrade",
            "last-event-id",
            "mcp-session-id",
            "mcp-protocol-version");

    /** Checks every field. */
    public HttpTransportOptions {
        Objects.requireNonNull(endpoint, "endpoint");
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || endpoint.getHost() == null) {
            throw new IllegalArgumentException(
                    "endpoint: " + EndpointUri.redact(endpoint) + " (expected: an absolute http or https URL)");
        }
        headers = Map.copyOf(headers);
        for (String name : headers.keySet()) {
            if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(
                        "headers: " + name + " (expected: a header the transport does not set itself)");
            }
        }
        positive("maxMessageBytes", maxMessageBytes);
        positive("maxSseEventBytes", maxSseEventBytes);
        positive("connectTimeout", connectTimeout);
        positive("responseTimeout", responseTimeout);
        positive("closeTimeout", closeTimeout);
        positive("maxConcurrentRequests", maxConcurrentRequests);
        positive("maxQueuedMessages", maxQueuedMessages);
        positive("maxReconnectAttempts", maxReconnectAttempts);
        positive("reconnectDelay", reconnectDelay);
        positive("maxReconnectDelay", maxReconnectDelay);
        if (maxReconnectDelay.compareTo(reconnectDelay) < 0) {
            throw new IllegalArgumentException("maxReconnectDelay: " + maxReconnectDelay
                    + " (expected: at least reconnectDelay " + reconnectDelay + ")");
        }
    }

    /** Default settings for {@code endpoint}. */
    public static HttpTransportOptions of(URI endpoint) {
        return builder(endpoint).build();
    }

    /** A builder with the defaults, for {@code endpoint}. */
    public static Builder builder(URI endpoint) {
        return new Builder(endpoint);
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

    /** Builds {@link HttpTransportOptions}; not thread-safe. */
    public static final class Builder {
        private final URI endpoint;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private int maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;
        private int maxSseEventBytes = DEFAULT_MAX_MESSAGE_BYTES;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration responseTimeout = Duration.ofMinutes(10);
        private Duration closeTimeout = Duration.ofSeconds(5);
        private int maxConcurrentRequests = 256;
        private int maxQueuedMessages = 10_000;
        private int maxReconnectAttempts = 5;
        private Duration reconnectDelay = Duration.ofSeconds(1);
        private Duration maxReconnectDelay = Duration.ofSeconds(30);
        private boolean openServerStream = true;

        private Builder(URI endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        }

        /** Adds a header sent with every request; a second value for one name replaces the first. */
        public Builder header(String name, String value) {
            headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Sets the largest JSON body read, in bytes. */
        public Builder maxMessageBytes(int bytes) {
            this.maxMessageBytes = bytes;
            return this;
        }

        /** Sets the largest server-sent event read, in bytes. */
        public Builder maxSseEventBytes(int bytes) {
            this.maxSseEventBytes = bytes;
            return this;
        }

        /** Sets how long the legacy transport waits for its endpoint event. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /** Sets how long a request waits for the response headers. */
        public Builder responseTimeout(Duration timeout) {
            this.responseTimeout = timeout;
            return this;
        }

        /** Sets how long closing waits for the session's DELETE. */
        public Builder closeTimeout(Duration timeout) {
            this.closeTimeout = timeout;
            return this;
        }

        /** Sets the most request POSTs in flight at once. */
        public Builder maxConcurrentRequests(int count) {
            this.maxConcurrentRequests = count;
            return this;
        }

        /** Sets the most messages waiting to be posted. */
        public Builder maxQueuedMessages(int count) {
            this.maxQueuedMessages = count;
            return this;
        }

        /** Sets how often in a row a broken stream is reopened without progress. */
        public Builder maxReconnectAttempts(int attempts) {
            this.maxReconnectAttempts = attempts;
            return this;
        }

        /** Sets the first and the longest delay before reopening a stream. */
        public Builder reconnectDelay(Duration first, Duration max) {
            this.reconnectDelay = first;
            this.maxReconnectDelay = max;
            return this;
        }

        /** Sets whether the GET stream for server-initiated messages is opened. */
        public Builder openServerStream(boolean open) {
            this.openServerStream = open;
            return this;
        }

        /**
         * The options.
         *
         * @throws IllegalArgumentException naming the first invalid setting
         */
        public HttpTransportOptions build() {
            return new HttpTransportOptions(
                    endpoint,
                    new LinkedHashMap<>(headers),
                    maxMessageBytes,
                    maxSseEventBytes,
                    connectTimeout,
                    responseTimeout,
                    closeTimeout,
                    maxConcurrentRequests,
                    maxQueuedMessages,
                    maxReconnectAttempts,
                    reconnectDelay,
                    maxReconnectDelay,
                    openServerStream);
        }
    }
}
