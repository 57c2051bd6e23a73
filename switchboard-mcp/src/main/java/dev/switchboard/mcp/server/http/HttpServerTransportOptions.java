package dev.switchboard.mcp.server.http;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Settings of an HTTP server transport ({@link StreamableHttpHandler}, {@link LegacySseHandler}).
 * Immutable; start from {@link #defaults()} and change with the {@code with...} methods.
 *
 * @param maxSessions the most client sessions open at once; an {@code initialize} beyond it gets HTTP
 *     503. Default 10,000
 * @param sessionIdleTimeout a session with no HTTP request in progress and none for this long is closed
 *     (then its id answers 404). Default 30 minutes
 * @param maxRequestBodyBytes the largest POST body accepted; a larger one gets HTTP 413. Default 4 MiB
 * @param allowedOrigins which {@code Origin} headers are accepted. Default: loopback pages only
 * @param allowedHosts which {@code Host} headers are accepted. Default: loopback names on loopback
 *     addresses
 * @param responseMode how a POST with requests is answered (Streamable HTTP only). Default {@link
 *     ResponseMode#AUTO}
 * @param keepAliveInterval how often an idle SSE stream gets a comment line so proxies keep it open.
 *     Default 20 s
 * @param streamBufferEvents per SSE stream: how many undelivered messages are kept while no client is
 *     connected (oldest dropped first, responses last), and how many delivered ones are kept for
 *     replay after {@code Last-Event-ID}. Default 100
 * @param writeTimeout the longest a single write to a client may block before the client is considered
 *     gone. Default 30 s
 * @param clock the time source of idle expiry
 */
public record HttpServerTransportOptions(
        int maxSessions,
        Duration sessionIdleTimeout,
        int maxRequestBodyBytes,
        AllowedOrigins allowedOrigins,
        AllowedHosts allowedHosts,
        ResponseMode responseMode,
        Duration keepAliveInterval,
        int streamBufferEvents,
        Duration writeTimeout,
        InstantSource clock) {

    /** Checks every field. */
    public HttpServerTransportOptions {
        positive("maxSessions", maxSessions);
        positive("sessionIdleTimeout", sessionIdleTimeout);
        positive("maxRequestBodyBytes", maxRequestBodyBytes);
        Objects.requireNonNull(allowedOrigins, "allowedOrigins");
        Objects.requireNonNull(allowedHosts, "allowedHosts");
        Objects.requireNonNull(responseMode, "responseMode");
        positive("keepAliveInterval", keepAliveInterval);
        positive("streamBufferEvents", streamBufferEvents);
        positive("writeTimeout", writeTimeout);
        Objects.requireNonNull(clock, "clock");
    }

    /** The defaults listed on the fields. */
    public static HttpServerTransportOptions defaults() {
        return new HttpServerTransportOptions(
                10_000,
                Duration.ofMinutes(30),
                4 * 1024 * 1024,
                AllowedOrigins.loopback(),
                AllowedHosts.loopbackWhenLocal(),
                ResponseMode.AUTO,
                Duration.ofSeconds(20),
                100,
                Duration.ofSeconds(30),
                InstantSource.system());
    }

    /** These options with another session cap. */
    public HttpServerTransportOptions withMaxSessions(int value) {
        return new HttpServerTransportOptions(
                value,
                sessionIdleTimeout,
                maxRequestBodyBytes,
                allowedOrigins,
                allowedHosts,
                responseMode,
                keepAliveInterval,
                streamBufferEvents,
                writeTimeout,
                clock);
    }

    /** These options with another idle timeout. */
    public HttpServerTransportOptions withSessionIdleTimeout(Duration value) {
        return new HttpServerTransportOptions(
                maxSessions,
                value,
                maxRequestBodyBytes,
                allowedOrigins,
                allowedHosts,
                responseMode,
                keepAliveInterval,
                streamBufferEvents,
                writeTimeout,
                clock);
    }

    /** These options with another body size limit. */
    public HttpServerTransportOptions withMaxRequestBodyBytes(int value) {
        return new HttpServerTransportOptions(
                maxSessions,
                sessionIdleTimeout,
                value,
                allowedOrigins,
                allowedHosts,
                responseMode,
                keepAliveInterval,
                streamBufferEvents,
                writeTimeout,
                clock);
    }

    /** These options with other allowed origins. */
    public HttpServerTransportOptions withAllowedOrigins(AllowedOrigins value) {
        return new HttpServerTransportOptions(
                maxSessions,
                sessionIdleTimeout,
                maxRequestBodyBytes,
                value,
                allowedHosts,
                responseMode,
                keepAliveInterval,
                streamBufferEvents,
                writeTimeout,
                clock);
    }

    /** These options with other allowed hosts. */
    public HttpServerTransportOptions withAllowedHosts(AllowedHosts value) {
        return new HttpServerTransportOptions(
                maxSessions,
                sessionIdleTimeout,
                maxRequestBodyBytes,
                allowedOrigins,
                value,
                responseMode,
                keepAliveInterval,
                streamBufferEvents,
                writeTimeout,
                clock);
    }

    /** These options with another response mode. */
    public HttpServerTransportOptions withResponseMode(ResponseMode value) {
        return new HttpServerTransportOptions(
                maxSessions,
                sessionIdleTimeout,
                maxRequestBodyBytes,
                allowedOrigins,
                allowedHosts,
                value,
                keepAliveInterval,
                streamBufferEvents,
                writeTimeout,
                clock);
    }

    /** These options with another keep-alive interval. */
    public HttpServerTransportOptions withKeepAliveInterval(Duration value) {
        return new HttpServerTransportOptions(
                maxSessions,
                sessionIdleTimeout,
                maxRequestBodyBytes,
                allowedOrigins,
                allowedHosts,
                responseMode,
                value,
                streamBufferEvents,
                writeTimeout,
                clock);
    }

    /** These options with another per-stream buffer size. */
    public HttpServerTransportOptions withStreamBufferEvents(int value) {
        return new HttpServerTransportOptions(
                maxSessions,
                sessionIdleTimeout,
                maxRequestBodyBytes,
                allowedOrigins,
                allowedHosts,
                responseMode,
                keepAliveInterval,
                value,
                writeTimeout,
                clock);
    }

    /** These options with another time source. */
    public HttpServerTransportOptions withClock(InstantSource value) {
        return new HttpServerTransportOptions(
                maxSessions,
                sessionIdleTimeout,
                maxRequestBodyBytes,
                allowedOrigins,
                allowedHosts,
                responseMode,
                keepAliveInterval,
                streamBufferEvents,
                writeTimeout,
                value);
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: a positive number)");
        }
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: a positive duration)");
        }
    }
}
