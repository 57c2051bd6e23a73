package dev.switchboard.mcp.server.http;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Which {@code Origin} header values a server transport accepts. Browsers send {@code Origin} on
 * cross-origin requests; other clients usually send none, and a request without one is always
 * allowed. A request with an origin that is not allowed gets HTTP 403. Immutable and thread-safe.
 */
public final class AllowedOrigins {
    private static final List<String> LOOPBACK_ENTRIES = List.of(
            "http://localhost",
            "https://localhost",
            "http://127.0.0.1",
            "https://127.0.0.1",
            "http://[::1]",
            "https://[::1]");

    private final boolean any;
    private final List<Origin> patterns;

    private record Origin(String scheme, HostPort hostPort) {}

    private AllowedOrigins(boolean any, List<Origin> patterns) {
        this.any = any;
        this.patterns = patterns;
    }

    /** The default: pages served from {@code localhost}, {@code 127.0.0.1} or {@code [::1]}, any port. */
    public static AllowedOrigins loopback() {
        return of(LOOPBACK_ENTRIES);
    }

    /** Any origin: the check is off. */
    public static AllowedOrigins any() {
        return new AllowedOrigins(true, List.of());
    }

    /**
     * Exactly these origins.
     *
     * @param origins entries {@code scheme://host} (any port) or {@code scheme://host:port}
     * @throws IllegalArgumentException when an entry is not of that form
     */
    public static AllowedOrigins of(Collection<String> origins) {
        List<Origin> parsed = new ArrayList<>(origins.size());
        for (String o : origins) {
            Origin origin = parse(o);
            if (origin == null) {
                throw new IllegalArgumentException(
                        "allowedOrigins: \"" + o + "\" (expected: scheme://host or scheme://host:port)");
            }
            parsed.add(origin);
        }
        return new AllowedOrigins(false, List.copyOf(parsed));
    }

    /** Whether a request with this {@code Origin} header (or none, when {@code null}) may proceed. */
    public boolean allows(@Nullable String originHeader) {
        if (originHeader == null || any) {
            return true;
        }
        Origin actual = parse(originHeader);
        if (actual == null) {
            return false;
        }
        for (Origin p : patterns) {
            if (p.scheme.equals(actual.scheme) && p.hostPort.matches(actual.hostPort)) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable Origin parse(String text) {
        String s = text.trim();
        int sep = s.indexOf("://");
        if (sep <= 0) {
            return null;
        }
        String authority = s.substring(sep + 3);
        if (authority.endsWith("/")) {
            authority = authority.substring(0, authority.length() - 1);
        }
        HostPort hp = HostPort.parse(authority);
        return hp == null ? null : new Origin(s.substring(0, sep).toLowerCase(Locale.ROOT), hp);
    }

    @Override
    public String toString() {
        if (any) {
            return "AllowedOrigins[any]";
        }
        List<String> shown = new ArrayList<>(patterns.size());
        for (Origin p : patterns) {
            shown.add(p.scheme + "://" + p.hostPort);
        }
        return "AllowedOrigins" + shown;
    }
}
