package dev.switchboard.core.config;

import java.util.Locale;
import java.util.Objects;

/**
 * Where the gateway listens. In the file: {@code listen: "127.0.0.1:8808"}, or {@code
 * "[::1]:8808"} for an IPv6 address.
 *
 * @param host a host name or IP address, without brackets
 * @param port 0 to 65535; 0 picks a free port
 */
public record ListenAddress(String host, int port) {

    /** The default: {@code 127.0.0.1:8808}. */
    public static final ListenAddress DEFAULT = new ListenAddress("127.0.0.1", 8808);

    /** Checks that the host is not null and the port is in range. */
    public ListenAddress {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port: " + port + " (expected: 0 to 65535)");
        }
    }

    /**
     * Whether the host is a loopback address ({@code localhost}, {@code 127.x.y.z} or {@code ::1}),
     * judged from its text without a DNS lookup.
     */
    public boolean isLoopback() {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.equals("localhost") || lower.startsWith("127.") || lower.equals("::1");
    }

    /** {@code host:port}, with an IPv6 host in brackets. */
    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
