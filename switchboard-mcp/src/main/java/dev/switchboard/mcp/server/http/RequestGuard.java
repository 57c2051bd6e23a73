package dev.switchboard.mcp.server.http;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.jspecify.annotations.Nullable;

/**
 * The check every request passes before a transport looks at it: {@code Host} and {@code Origin}
 * against the allow lists (DNS rebinding protection). Thread-safe.
 */
final class RequestGuard {
    private final AllowedHosts hosts;
    private final AllowedOrigins origins;

    RequestGuard(HttpServerTransportOptions options) {
        this.hosts = options.allowedHosts();
        this.origins = options.allowedOrigins();
    }

    /** Why the request is forbidden, or {@code null} when its host and origin are allowed. */
    @Nullable
    String forbidden(Request request) {
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
