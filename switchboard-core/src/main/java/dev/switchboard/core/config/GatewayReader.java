package dev.switchboard.core.config;

import dev.switchboard.mcp.server.http.AllowedHosts;
import dev.switchboard.mcp.server.http.AllowedOrigins;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the file's {@code gateway} object: the keys in {@link #KEYS}. The entries of the allow
 * lists are checked with the parsers of the HTTP server that will use them, so that a file the
 * validator accepts never fails the server at start.
 */
final class GatewayReader {
    static final List<String> KEYS = List.of(
            "listen",
            "allowedOrigins",
            "allowedHosts",
            "maxRequestBytes",
            "maxSessions",
            "separator",
            "views",
            "auth",
            "policy");
    static final List<String> VIEW_KEYS = List.of("aggregate", "meta", "servers");

    private static final Pattern SEPARATOR = Pattern.compile("[_.-]{1,4}");
    private static final String ORIGIN_EXPECTED =
            "scheme://host or scheme://host:port, such as \"https://app.example.com\", or \"*\" alone for any";
    private static final String HOST_EXPECTED =
            "host or host:port, IPv6 in brackets, such as \"gateway.example.com\", or \"*\" alone for any";

    private final @Nullable ObjectFields fields;
    private final ValueReader in;

    /** Reads {@code fields}, or gives the defaults when the file has no {@code gateway}. */
    GatewayReader(@Nullable ObjectFields fields, ValueReader in) {
        this.fields = fields;
        this.in = in;
    }

    /** The naming separator, read first because server names are checked against it. */
    String separator() {
        ObjectFields gateway = fields;
        String separator = gateway == null ? null : gateway.string("separator");
        if (gateway == null || separator == null) {
            return GatewaySettings.DEFAULT_SEPARATOR;
        }
        if (!SEPARATOR.matcher(separator).matches()) {
            in.problems()
                    .invalid(
                            gateway.path("separator"),
                            ConfigPath.quoted(separator),
                            "1 to 4 of '_', '.' and '-', such as \"__\"");
            return GatewaySettings.DEFAULT_SEPARATOR;
        }
        return separator;
    }

    /** The rest of the settings; the policy may name only {@code serverNames}. */
    GatewaySettings read(String separator, Set<String> serverNames) {
        ObjectFields gateway = fields;
        if (gateway == null) {
            return GatewaySettings.DEFAULTS;
        }
        gateway.reportUnknownKeys();
        AccessReader access = new AccessReader(in);
        AuthConfig auth = access.auth(gateway.object("auth", AccessReader.AUTH_KEYS));
        PolicyConfig policy = access.policy(gateway.object("policy", AccessReader.POLICY_KEYS), serverNames);
        return new GatewaySettings(
                listen(gateway, auth),
                separator,
                views(gateway.object("views", VIEW_KEYS)),
                auth,
                policy,
                http(gateway));
    }

    private HttpSettings http(ObjectFields gateway) {
        List<String> origins =
                allowList(gateway, "allowedOrigins", ORIGIN_EXPECTED, entry -> AllowedOrigins.of(List.of(entry)));
        List<String> hosts =
                allowList(gateway, "allowedHosts", HOST_EXPECTED, entry -> AllowedHosts.of(List.of(entry)));
        if (hosts != null && hosts.isEmpty()) {
            in.problems().invalid(gateway.path("allowedHosts"), "[]", "at least one host, or \"*\" for any");
            hosts = null;
        }
        int maxRequestBytes = gateway.integer(
                "maxRequestBytes",
                HttpSettings.DEFAULT_MAX_REQUEST_BYTES,
                HttpSettings.MIN_MAX_REQUEST_BYTES,
                Integer.MAX_VALUE);
        int maxSessions = gateway.integer("maxSessions", HttpSettings.DEFAULT_MAX_SESSIONS, 1, Integer.MAX_VALUE);
        return new HttpSettings(origins, hosts, maxRequestBytes, maxSessions);
    }

    /**
     * The entries of the allow list {@code key}, each checked by {@code check} (which throws {@link
     * IllegalArgumentException} for an entry the server could not use) unless it is {@code *} alone;
     * {@code null} when the key is missing or the list has a problem (then reported).
     */
    private @Nullable List<String> allowList(
            ObjectFields gateway, String key, String expected, Consumer<String> check) {
        JsonNode node = gateway.get(key);
        List<String> entries = node == null ? null : in.strings(node, gateway.path(key), true);
        if (entries == null) {
            return null;
        }
        boolean valid = true;
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i).strip();
            try {
                if (entry.equals(HttpSettings.ANY)) {
                    if (entries.size() > 1) {
                        throw new IllegalArgumentException("\"*\" among other entries");
                    }
                } else {
                    check.accept(entry);
                }
            } catch (IllegalArgumentException e) {
                in.problems().invalid(gateway.path(key).index(i), ConfigPath.quoted(entry), expected);
                valid = false;
            }
        }
        return valid ? entries.stream().map(String::strip).toList() : null;
    }

    private ListenAddress listen(ObjectFields fields, AuthConfig auth) {
        String text = fields.string("listen");
        if (text == null) {
            return ListenAddress.DEFAULT;
        }
        ListenAddress listen;
        try {
            listen = ListenAddress.parse(text);
        } catch (IllegalArgumentException e) {
            in.problems().invalid(fields.path("listen"), ConfigPath.quoted(text), ListenAddress.EXPECTED_FORM);
            return ListenAddress.DEFAULT;
        }
        int port = listen.port();
        if (!listen.isLoopback() && !auth.isEnabled()) {
            in.problems()
                    .invalid(
                            fields.path("listen"),
                            ConfigPath.quoted(text),
                            "a loopback address such as \"127.0.0.1:" + port
                                    + "\" unless gateway.auth sets up API keys or JWT");
        }
        return listen;
    }

    private Views views(@Nullable ObjectFields views) {
        if (views == null) {
            return Views.ALL;
        }
        views.reportUnknownKeys();
        Views read = new Views(views.bool("aggregate", true), views.bool("meta", true), views.bool("servers", true));
        if (!read.aggregate() && !read.meta() && !read.servers()) {
            in.problems().invalid(views.path(), "{...}", "at least one of \"aggregate\", \"meta\" or \"servers\" on");
        }
        return read;
    }
}
