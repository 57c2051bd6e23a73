package dev.switchboard.core.config;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Reads the file's {@code gateway} object: the keys in {@link #KEYS}. */
final class GatewayReader {
    static final List<String> KEYS = List.of("listen", "separator", "views", "auth", "policy");
    static final List<String> VIEW_KEYS = List.of("aggregate", "meta", "servers");

    private static final Pattern SEPARATOR = Pattern.compile("[_.-]{1,4}");

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
                listen(gateway, auth), separator, views(gateway.object("views", VIEW_KEYS)), auth, policy);
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
