package dev.switchboard.mcp.server.http;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A host with an optional port, as written in a {@code Host} header or the authority of an origin:
 * {@code example.com}, {@code example.com:8080}, {@code [::1]:3000}. The host is lower case; an IPv6
 * host keeps its brackets.
 *
 * @param host the host name or address literal
 * @param port the port, or -1 when absent
 */
record HostPort(String host, int port) {

    /**
     * Parses {@code host[:port]}.
     *
     * @return the parsed value, or {@code null} when the text is not a host with an optional numeric
     *     port
     */
    static @Nullable HostPort parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.trim().toLowerCase(Locale.ROOT);
        String host;
        String rest;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                return null;
            }
            host = s.substring(0, close + 1);
            rest = s.substring(close + 1);
        } else {
            int colon = s.indexOf(':');
            host = colon < 0 ? s : s.substring(0, colon);
            rest = colon < 0 ? "" : s.substring(colon);
        }
        if (host.isEmpty() || host.indexOf('/') >= 0 || host.indexOf('@') >= 0) {
            return null;
        }
        if (rest.isEmpty()) {
            return new HostPort(host, -1);
        }
        if (!rest.startsWith(":") || rest.length() == 1) {
            return null;
        }
        try {
            int port = Integer.parseInt(rest.substring(1));
            return port < 0 || port > 65535 ? null : new HostPort(host, port);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether {@code actual} matches this pattern: same host, and same port unless this one has none. */
    boolean matches(HostPort actual) {
        return host.equals(actual.host) && (port < 0 || port == actual.port);
    }

    @Override
    public String toString() {
        return port < 0 ? host : host + ":" + port;
    }
}
