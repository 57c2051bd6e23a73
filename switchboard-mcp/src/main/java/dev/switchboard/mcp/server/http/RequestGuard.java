package dev.switchboard.mcp.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.jspecify.annotations.Nullable;

/**
 * The checks every request passes before a transport looks at it: {@code Host} and {@code Origin}
 * against the allow lists (DNS rebinding protection), and the bounded read of a POST body.
 * Thread-safe.
 */
final class RequestGuard {
    private final AllowedHosts hosts;
    private final AllowedOrigins origins;
    private final int maxBodyBytes;

    RequestGuard(HttpTransportOptions options) {
        this.hosts = options.allowedHosts();
        this.origins = options.allowedOrigins();
        this.maxBodyBytes = options.maxRequestBodyBytes();
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

    /** The largest body {@link #readBody} accepts. */
    int maxBodyBytes() {
        return maxBodyBytes;
    }

    /**
     * Reads the whole request body, at most {@link #maxBodyBytes()}.
     *
     * @return the body, or {@code null} when it is larger than the limit (what was read is discarded)
     * @throws IOException when the client fails while sending
     */
    byte @Nullable [] readBody(Request request) throws IOException {
        long declared = request.getLength();
        if (declared > maxBodyBytes) {
            return null;
        }
        try (InputStream in = Request.asInputStream(request)) {
            byte[] body = in.readNBytes(maxBodyBytes + 1);
            return body.length > maxBodyBytes ? null : body;
        }
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
