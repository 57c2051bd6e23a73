package dev.switchboard.core.config;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The checks and limits of the gateway's HTTP server, on every MCP endpoint. In the file they sit
 * directly under {@code gateway}: {@code allowedOrigins}, {@code allowedHosts}, {@code
 * maxRequestBytes}, {@code maxSessions}. Immutable.
 *
 * @param allowedOrigins the {@code Origin} headers a browser page may send: entries {@code
 *     scheme://host} (any port) or {@code scheme://host:port}, or the one entry {@value #ANY} for
 *     any origin; an empty list allows no page at all. A request without {@code Origin} (not from a
 *     browser) is always allowed. {@code null}: the default, pages from {@code localhost}, {@code
 *     127.0.0.1} and {@code [::1]}
 * @param allowedHosts the {@code Host} headers accepted, against DNS rebinding: entries {@code
 *     host} (any port) or {@code host:port}, IPv6 in brackets, or the one entry {@value #ANY} for
 *     any; at least one. {@code null}: the default, loopback names while listening on a loopback
 *     address, any host otherwise
 * @param maxRequestBytes the largest request body, in bytes; a larger one gets 413. Default
 *     {@value #DEFAULT_MAX_REQUEST_BYTES} (4 MiB)
 * @param maxSessions the most MCP client sessions open at once on each MCP endpoint; an {@code
 *     initialize} beyond it gets 503. Default {@value #DEFAULT_MAX_SESSIONS}
 */
public record HttpSettings(
        @Nullable List<String> allowedOrigins,
        @Nullable List<String> allowedHosts,
        int maxRequestBytes,
        int maxSessions) {

    /** The entry that allows any origin or host: the check is off. */
    public static final String ANY = "*";

    /** The default {@link #maxRequestBytes}: 4 MiB. */
    public static final int DEFAULT_MAX_REQUEST_BYTES = 4 * 1024 * 1024;

    /** The smallest {@link #maxRequestBytes} accepted: 1 KiB. */
    public static final int MIN_MAX_REQUEST_BYTES = 1024;

    /** The default {@link #maxSessions}: 10,000 per endpoint. */
    public static final int DEFAULT_MAX_SESSIONS = 10_000;

    /** Every default. */
    public static final HttpSettings DEFAULTS =
            new HttpSettings(null, null, DEFAULT_MAX_REQUEST_BYTES, DEFAULT_MAX_SESSIONS);

    /**
     * Copies the lists and checks the size.
     *
     * @throws IllegalArgumentException when {@code maxRequestBytes} is below {@value
     *     #MIN_MAX_REQUEST_BYTES}, {@code maxSessions} below 1, or {@code allowedHosts} is empty
     */
    public HttpSettings {
        allowedOrigins = allowedOrigins == null ? null : List.copyOf(allowedOrigins);
        allowedHosts = allowedHosts == null ? null : List.copyOf(allowedHosts);
        if (allowedHosts != null && allowedHosts.isEmpty()) {
            throw new IllegalArgumentException("allowedHosts: [] (expected: at least one host, or \"*\")");
        }
        if (maxRequestBytes < MIN_MAX_REQUEST_BYTES) {
            throw new IllegalArgumentException(
                    "maxRequestBytes: " + maxRequestBytes + " (expected: at least " + MIN_MAX_REQUEST_BYTES + ")");
        }
        if (maxSessions < 1) {
            throw new IllegalArgumentException("maxSessions: " + maxSessions + " (expected: at least 1)");
        }
    }
}
