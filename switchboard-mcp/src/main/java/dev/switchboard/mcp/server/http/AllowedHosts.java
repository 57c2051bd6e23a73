package dev.switchboard.mcp.server.http;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which {@code Host} header values a server transport accepts: its defence against DNS rebinding, where
 * a web page whose domain resolves to 127.0.0.1 talks to a local server. A request whose host is not
 * allowed gets HTTP 403. Immutable and thread-safe.
 */
public final class AllowedHosts {
    private static final List<HostPort> LOOPBACK =
            List.of(new HostPort("localhost", -1), new HostPort("127.0.0.1", -1), new HostPort("[::1]", -1));

    private enum Mode {
        ANY,
        LIST,
        LOOPBACK_WHEN_LOCAL
    }

    private final Mode mode;
    private final List<HostPort> patterns;

    private AllowedHosts(Mode mode, List<HostPort> patterns) {
        this.mode = mode;
        this.patterns = patterns;
    }

    /**
     * The default: on a connection accepted on a loopback address, only {@code localhost}, {@code
     * 127.0.0.1} and {@code [::1]} (any port); on other addresses any host (configure a list there).
     */
    public static AllowedHosts loopbackWhenLocal() {
        return new AllowedHosts(Mode.LOOPBACK_WHEN_LOCAL, LOOPBACK);
    }

    /** Any host: the check is off. */
    public static AllowedHosts any() {
        return new AllowedHosts(Mode.ANY, List.of());
    }

    /**
     * Exactly these hosts.
     *
     * @param hosts entries: a name or address (any port), or name:port; IPv6 literals in brackets
     * @throws IllegalArgumentException when an entry is not a host with an optional port
     */
    public static AllowedHosts of(Collection<String> hosts) {
        List<HostPort> parsed = new ArrayList<>(hosts.size());
        for (String h : hosts) {
            HostPort hp = HostPort.parse(h);
            if (hp == null) {
                throw new IllegalArgumentException(
                        "allowedHosts: \"" + h + "\" (expected: host or host:port, IPv6 in brackets)");
            }
            parsed.add(hp);
        }
        return new AllowedHosts(Mode.LIST, List.copyOf(parsed));
    }

    /**
     * Whether a request may proceed.
     *
     * @param hostHeader the {@code Host} header (or the request's authority), or {@code null} if absent
     * @param localLoopback whether the connection was accepted on a loopback address
     */
    public boolean allows(@Nullable String hostHeader, boolean localLoopback) {
        if (mode == Mode.ANY || (mode == Mode.LOOPBACK_WHEN_LOCAL && !localLoopback)) {
            return true;
        }
        HostPort actual = HostPort.parse(hostHeader);
        if (actual == null) {
            return false;
        }
        for (HostPort p : patterns) {
            if (p.matches(actual)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return switch (mode) {
            case ANY -> "AllowedHosts[any]";
            case LOOPBACK_WHEN_LOCAL -> "AllowedHosts[loopback when bound to loopback]";
            case LIST -> "AllowedHosts" + patterns;
        };
    }
}
