package dev.switchboard.core.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the gateway listens. In the file: {@code listen: "127.0.0.1:8808"}, or {@code
 * "[::1]:8808"} for an IPv6 address.
 *
 * @param host a host name or IP address, without brackets
 * @param port 0 to 65535; 0 picks a free port
 */
public record ListenAddress(String host, int port) {

    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(?:\\.[0-9]{1,3}){3}");
    private static final Pattern FORM = Pattern.compile("(?:\\[([0-9A-Fa-f:.]+)]|([A-Za-z0-9.-]+)):([0-9]{1,5})");

    /** What {@link #parse} accepts, for error messages. */
    static final String EXPECTED_FORM = "host:port such as \"127.0.0.1:8808\" or \"[::1]:8808\", port 0 to 65535";

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
     * The address {@code text} names, in the form of the file's {@code gateway.listen} and of {@code
     * --listen}: {@code host:port}, with an IPv6 address in brackets ({@code [::1]:8808}); port 0
     * picks a free port. Surrounding whitespace is ignored; no name is looked up.
     *
     * @throws IllegalArgumentException when {@code text} is not of that form or the port is above
     *     65535, as {@code listen: "text" (expected: ...)}
     */
    public static ListenAddress parse(String text) {
        Objects.requireNonNull(text, "text");
        Matcher matcher = FORM.matcher(text.strip());
        int port = matcher.matches() ? Integer.parseInt(matcher.group(3)) : -1;
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("listen: \"" + text + "\" (expected: " + EXPECTED_FORM + ")");
        }
        String host = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
        return new ListenAddress(host, port);
    }

    /**
     * Whether the host is a loopback address, judged from its text without a DNS lookup: {@code
     * localhost}, an IPv4 address {@code 127.x.y.z}, or an IPv6 loopback address such as {@code
     * ::1}. Any other name, such as {@code 127.example.com}, is not.
     */
    public boolean isLoopback() {
        String lower = host.toLowerCase(Locale.ROOT);
        if (lower.equals("localhost")) {
            return true;
        }
        if (IPV4.matcher(lower).matches()) {
            return lower.startsWith("127.")
                    && Arrays.stream(lower.split("\\.")).allMatch(o -> Integer.parseInt(o) < 256);
        }
        if (lower.indexOf(':') >= 0) {
            try {
                // a text with a colon is parsed as an IPv6 literal, never looked up
                return InetAddress.getByName(lower).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }

    /** {@code host:port}, with an IPv6 host in brackets. */
    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
