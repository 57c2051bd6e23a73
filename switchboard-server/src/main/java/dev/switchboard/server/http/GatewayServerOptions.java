package dev.switchboard.server.http;

import dev.switchboard.core.config.GatewaySettings;
import dev.switchboard.core.config.HttpSettings;
import dev.switchboard.core.config.ListenAddress;
import dev.switchboard.mcp.server.http.AllowedHosts;
import dev.switchboard.mcp.server.http.AllowedOrigins;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Settings of a {@link GatewayServer}. Immutable; start from {@link #defaults()}.
 *
 * @param listen the address and port to bind; port 0 picks a free one. Default {@code
 *     127.0.0.1:8808}
 * @param maxRequestBodyBytes the largest request body accepted on any route; a larger one gets 413.
 *     Default 4 MiB, the MCP transports' own default (file: {@code gateway.maxRequestBytes})
 * @param allowedHosts the {@code Host} headers accepted on MCP routes. Default: loopback names when
 *     bound to a loopback address, any otherwise (file: {@code gateway.allowedHosts})
 * @param allowedOrigins the {@code Origin} headers accepted on MCP routes (requests without one are
 *     accepted). Default: loopback pages only (file: {@code gateway.allowedOrigins})
 * @param idleTimeout how long a connection may stay idle (no bytes either way) before it is closed;
 *     also bounds each wait for a slow client's body. Default 5 minutes, above the SSE keep-alive
 * @param stopTimeout how long {@link GatewayServer#close} waits for requests still running after
 *     the handlers stopped. Default 5 s
 */
public record GatewayServerOptions(
        ListenAddress listen,
        int maxRequestBodyBytes,
        AllowedHosts allowedHosts,
        AllowedOrigins allowedOrigins,
        Duration idleTimeout,
        Duration stopTimeout) {

    /** The default body limit: 4 MiB. */
    public static final int DEFAULT_MAX_REQUEST_BODY_BYTES = 4 * 1024 * 1024;

    /** Checks every field. */
    public GatewayServerOptions {
        Objects.requireNonNull(listen, "listen");
        if (maxRequestBodyBytes <= 0) {
            throw new IllegalArgumentException(
                    "maxRequestBodyBytes: " + maxRequestBodyBytes + " (expected: a positive number)");
        }
        Objects.requireNonNull(allowedHosts, "allowedHosts");
        Objects.requireNonNull(allowedOrigins, "allowedOrigins");
        positive("idleTimeout", idleTimeout);
        Objects.requireNonNull(stopTimeout, "stopTimeout");
        if (stopTimeout.isNegative()) {
            throw new IllegalArgumentException("stopTimeout: " + stopTimeout + " (expected: zero or more)");
        }
    }

    /** The defaults listed on the fields. */
    public static GatewayServerOptions defaults() {
        return new GatewayServerOptions(
                ListenAddress.DEFAULT,
                DEFAULT_MAX_REQUEST_BODY_BYTES,
                AllowedHosts.loopbackWhenLocal(),
                AllowedOrigins.loopback(),
                Duration.ofMinutes(5),
                Duration.ofSeconds(5));
    }

    /**
     * The defaults with what the file's {@code gateway} settings say: {@code listen}, {@code
     * allowedOrigins}, {@code allowedHosts} and {@code maxRequestBytes}.
     */
    public static GatewayServerOptions from(GatewaySettings gateway) {
        HttpSettings http = gateway.http();
        return defaults()
                .withListen(gateway.listen())
                .withMaxRequestBodyBytes(http.maxRequestBytes())
                .withAllowedOrigins(origins(http.allowedOrigins()))
                .withAllowedHosts(hosts(http.allowedHosts()));
    }

    private static AllowedOrigins origins(@Nullable List<String> entries) {
        if (entries == null) {
            return AllowedOrigins.loopback();
        }
        return entries.equals(List.of(HttpSettings.ANY)) ? AllowedOrigins.any() : AllowedOrigins.of(entries);
    }

    private static AllowedHosts hosts(@Nullable List<String> entries) {
        if (entries == null) {
            return AllowedHosts.loopbackWhenLocal();
        }
        return entries.equals(List.of(HttpSettings.ANY)) ? AllowedHosts.any() : AllowedHosts.of(entries);
    }

    /** These options with another address. */
    public GatewayServerOptions withListen(ListenAddress value) {
        return new GatewayServerOptions(
                value, maxRequestBodyBytes, allowedHosts, allowedOrigins, idleTimeout, stopTimeout);
    }

    /** These options with another body limit. */
    public GatewayServerOptions withMaxRequestBodyBytes(int value) {
        return new GatewayServerOptions(listen, value, allowedHosts, allowedOrigins, idleTimeout, stopTimeout);
    }

    /** These options with other allowed origins. */
    public GatewayServerOptions withAllowedOrigins(AllowedOrigins value) {
        return new GatewayServerOptions(listen, maxRequestBodyBytes, allowedHosts, value, idleTimeout, stopTimeout);
    }

    /** These options with other allowed hosts. */
    public GatewayServerOptions withAllowedHosts(AllowedHosts value) {
        return new GatewayServerOptions(listen, maxRequestBodyBytes, value, allowedOrigins, idleTimeout, stopTimeout);
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: a positive duration)");
        }
    }
}
