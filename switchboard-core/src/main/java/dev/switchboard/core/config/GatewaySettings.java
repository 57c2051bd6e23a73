package dev.switchboard.core.config;

import java.util.Objects;

/**
 * The gateway's own settings, the file's {@code gateway} object.
 *
 * @param listen where the gateway listens; default {@code 127.0.0.1:8808}
 * @param separator what joins a server's name and a tool's name in the aggregate view: 1 to 4 of
 *     {@code _}, {@code .} and {@code -}; default {@value #DEFAULT_SEPARATOR}
 * @param views which upstream views are served; default all
 * @param auth how clients authenticate; default none
 * @param policy who may use which tools; default everyone everything
 * @param http the HTTP server's allowed origins and hosts, its request size limit and session cap
 *     (keys {@code allowedOrigins}, {@code allowedHosts}, {@code maxRequestBytes} and {@code
 *     maxSessions}); default {@link
 *     HttpSettings#DEFAULTS}
 */
public record GatewaySettings(
        ListenAddress listen, String separator, Views views, AuthConfig auth, PolicyConfig policy, HttpSettings http) {

    /** The default {@link #separator}. */
    public static final String DEFAULT_SEPARATOR = "__";

    /** Every default. */
    public static final GatewaySettings DEFAULTS = new GatewaySettings(
            ListenAddress.DEFAULT,
            DEFAULT_SEPARATOR,
            Views.ALL,
            AuthConfig.NONE,
            PolicyConfig.ALLOW_ALL,
            HttpSettings.DEFAULTS);

    /** Checks that no field is null. */
    public GatewaySettings {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(separator, "separator");
        Objects.requireNonNull(views, "views");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(http, "http");
    }

    /** Settings with the default {@link HttpSettings}. */
    public GatewaySettings(ListenAddress listen, String separator, Views views, AuthConfig auth, PolicyConfig policy) {
        this(listen, separator, views, auth, policy, HttpSettings.DEFAULTS);
    }
}
