package dev.switchboard.mcp.server.http;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Objects;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.jspecify.annotations.Nullable;

/**
 * The check every request passes before a transport looks at it: {@code Host} and {@code Origin}
 * against the allow lists (DNS rebinding protection). Public so that a server mounting the
 * transports behind its own handlers (the gateway) applies the same check in front of them.
 * Immutable and thread-safe.
 */
public final class RequestGuard {
    private final AllowedHosts hosts;
    private final AllowedOrigins origins;

    RequestGuard(HttpServerTransportOptions options) {
        this(options.allowedHosts(), options.allowedOrigins());
    }

    /**
     * A guard with these allow lists.
     *
     * @param hosts the accepted {@code Host} headers
     * @param origins the accepted {@code Origin} headers
     */
    public RequestGuard(AllowedHosts hosts, AllowedOrigins origins) {
        this.hosts = Objects.requireNonNull(hosts, "hosts");
        this.origins = Objects.requireNonNull(origins, "origins");
    }

    /**
     * Why the request is forbidden, such as {@code Forbidden: Origin: http://evil.example (expected:
     * one of AllowedOrigins[...])}, or {@code null} when its host and origin are allowed. Never throws.
     */
    @Nullable
    public String forbidden(Request request) {
        String host = host(request);
        if (!hosts.allows(host, isLoopback(request.getConnectionMetaData().getLocalSocketAddress()))) {
            return "Forbidden: Host: " + host + " (expected: one of " + hosts + ")";
        }
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (!origins.allows(origin)) {
            return "Forbidden: Origin: " + origin + " (expected: one of " + origins + ")";
        }
        return null;
    }

    private static @Nullable String host(Request request) {
        String header = request.getHeaders().get(HttpHeader.HOST);
        if (header != null) {
            return header;
        }
        HttpURI uri = request.getHttpURI();
        String host = uri.getHost();
        if (host == null) {
            return null;
        }
        return uri.getPort() > 0 ? host + ":" + uri.getPort() : host;
    }

    private static boolean isLoopback(@Nullable SocketAddress local) {
        return local instanceof InetSocketAddress inet
                && inet.getAddress() != null
                && inet.getAddress().isLoopbackAddress();
    }
}
