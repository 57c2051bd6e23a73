package dev.switchboard.mcp.client.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/** What the HTTP transports need to know about URLs: safe display and same-origin checks. */
final class EndpointUri {
    private EndpointUri() {}

    /**
     * {@code uri} without user info, query and fragment, which may carry secrets (API keys in query
     * strings are common), for logs and error messages.
     */
    static String redact(URI uri) {
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return "<unprintable URL>";
        }
    }

    /** Whether both URLs have the same scheme, host and port (default ports made explicit). */
    static boolean sameOrigin(URI a, URI b) {
        return scheme(a).equals(scheme(b)) && host(a).equals(host(b)) && port(a) == port(b);
    }

    private static String scheme(URI uri) {
        return uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    }

    private static String host(URI uri) {
        return Objects.requireNonNullElse(uri.getHost(), "").toLowerCase(Locale.ROOT);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return switch (scheme(uri)) {
            case "http", "ws" -> 80;
            case "https", "wss" -> 443;
            default -> -1;
        };
    }
}
