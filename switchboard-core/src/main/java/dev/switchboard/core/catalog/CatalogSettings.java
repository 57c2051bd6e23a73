package dev.switchboard.core.catalog;

import dev.switchboard.core.config.GatewayConfig;
import dev.switchboard.core.config.ServerConfig;
import dev.switchboard.core.config.ToolFilter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link Catalog} names and filters: the separator between a server's name and a tool's, and
 * for each server, in configuration order, whether its tools and prompts are prefixed and which of
 * its tools are offered at all. The order decides collisions: the server earlier in it keeps a
 * contested name. Immutable and thread-safe; the {@code with...} methods return new settings.
 */
public final class CatalogSettings {
    private static final Pattern SEPARATOR = Pattern.compile("[_.-]{1,4}");

    private final String separator;
    private final Map<String, Rule> rules;
    private final List<String> servers;

    /** One server's naming rules; compared by value. */
    record Rule(boolean prefix, ToolFilter filter, ToolPatterns patterns) {
        Rule(boolean prefix, ToolFilter filter) {
            this(prefix, filter, new ToolPatterns(filter));
        }

        @Override
        public boolean equals(@Nullable Object o) {
            return o instanceof Rule r && r.prefix == prefix && r.filter.equals(filter);
        }

        @Override
        public int hashCode() {
            return Boolean.hashCode(prefix) * 31 + filter.hashCode();
        }
    }

    private CatalogSettings(String separator, Map<String, Rule> rules) {
        this.separator = separator;
        this.rules = Collections.unmodifiableMap(rules);
        this.servers = List.copyOf(rules.keySet());
    }

    /**
     * Settings with no servers yet.
     *
     * @param separator 1 to 4 of {@code _}, {@code .} and {@code -}, as in the configuration
     * @throws IllegalArgumentException when the separator is not so
     */
    public static CatalogSettings of(String separator) {
        Objects.requireNonNull(separator, "separator");
        if (!SEPARATOR.matcher(separator).matches()) {
            throw new IllegalArgumentException(
                    "separator: \"" + separator + "\" (expected: 1 to 4 of '_', '.' and '-')");
        }
        return new CatalogSettings(separator, new LinkedHashMap<>());
    }

    /**
     * The settings of a configuration: its separator, and every server (enabled or not) in file
     * order with its {@code prefix} and {@code tools} filter.
     */
    public static CatalogSettings from(GatewayConfig config) {
        CatalogSettings settings = of(config.gateway().separator());
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (ServerConfig server : config.servers().values()) {
            rules.put(
                    server.name(),
                    new Rule(server.settings().prefix(), server.settings().tools()));
        }
        return new CatalogSettings(settings.separator, rules);
    }

    /**
     * These settings with {@code server} named and filtered so: replaced where it is, or added
     * last (after every server already here) when it is new.
     *
     * @param prefix whether its tools and prompts are named {@code server + separator + name}
     * @param tools which of its tools are offered at all
     */
    public CatalogSettings withServer(String server, boolean prefix, ToolFilter tools) {
        Objects.requireNonNull(server, "server");
        if (server.isEmpty()) {
            throw new IllegalArgumentException("server: \"\" (expected: a server name)");
        }
        Map<String, Rule> copy = new LinkedHashMap<>(rules);
        copy.put(server, new Rule(prefix, Objects.requireNonNull(tools, "tools")));
        return new CatalogSettings(separator, copy);
    }

    /** {@link #withServer(String, boolean, ToolFilter)} with the server's configured settings. */
    public CatalogSettings withServer(ServerConfig server) {
        return withServer(
                server.name(), server.settings().prefix(), server.settings().tools());
    }

    /** These settings without {@code server}; the same settings when it is not here. */
    public CatalogSettings withoutServer(String server) {
        if (!rules.containsKey(server)) {
            return this;
        }
        Map<String, Rule> copy = new LinkedHashMap<>(rules);
        copy.remove(server);
        return new CatalogSettings(separator, copy);
    }

    /** The separator between a server's name and a tool's. */
    public String separator() {
        return separator;
    }

    /** The servers, in the order that decides collisions. Immutable. */
    public List<String> servers() {
        return servers;
    }

    /** Whether {@code server} is here. */
    public boolean contains(String server) {
        return rules.containsKey(server);
    }

    /** The rules of {@code server}, or null. */
    @Nullable
    Rule rule(String server) {
        return rules.get(server);
    }

    /** The servers of {@code present}, in these settings' order; others are ignored. */
    List<String> ordered(Map<String, ?> present) {
        List<String> ordered = new ArrayList<>(present.size());
        for (String server : servers) {
            if (present.containsKey(server)) {
                ordered.add(server);
            }
        }
        return ordered;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof CatalogSettings s
                && s.separator.equals(separator)
                && s.rules.equals(rules)
                && s.servers.equals(servers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(separator, rules, servers);
    }

    @Override
    public String toString() {
        return "CatalogSettings[separator=" + separator + ", servers=" + servers + "]";
    }
}
