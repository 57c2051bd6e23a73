package dev.switchboard.core.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * What every server offers, as the gateway offers it: one immutable snapshot of the tools,
 * prompts, resources and resource templates of the servers whose {@link ServerCatalog}s it holds,
 * named, filtered and indexed for routing.
 *
 * <p><b>Names.</b> A tool of server {@code s} is offered as {@code s + separator + tool} when the
 * server is prefixed (the default), else as its own name; either is kept within the MCP tool name
 * rules (1 to 128 of {@code A-Z a-z 0-9 _ - .}: other characters become {@code _}, and a longer
 * name is cut and ends with {@code _} and 8 hex digits of its hash). When two want the same name,
 * the server earlier in {@link CatalogSettings#servers()} keeps it; the other gets its prefixed
 * name, or that with {@code _2}, {@code _3}, ... when taken too; each such case is a {@link
 * NameCollision}. Prompts are named the same way, apart from tools. Resources keep their URIs; a
 * URI offered twice belongs to the earlier server ({@link UriCollision}). Tools that a server's
 * {@code tools} filter leaves out are absent everywhere: not listed, not routable, in no
 * collision. The result depends only on the settings and the server catalogs, never on the order
 * in which servers were added.
 *
 * <p><b>Cost.</b> Every lookup is a hash lookup. Building a snapshot does the naming once: each
 * offered tool's definition (its object with the offered name) is made then, never per listing,
 * and a snapshot made by {@link #withServer} or {@link #withoutServer} reuses what the other
 * servers had in the previous one.
 *
 * <p>Immutable and thread-safe; the JSON objects it hands out are shared: treat them as
 * read-only.
 */
public final class Catalog {
    private final CatalogSettings settings;
    private final Map<String, ServerEntries> entries;
    private final List<String> servers;
    private final NameTable<CatalogTool> tools;
    private final NameTable<CatalogPrompt> prompts;
    private final ResourceIndex resources;

    private Catalog(CatalogSettings settings, Map<String, ServerEntries> entries) {
        this.settings = settings;
        this.entries = entries;
        this.servers = List.copyOf(settings.ordered(entries));
        List<ServerEntries> ordered = new ArrayList<>(servers.size());
        for (String server : servers) {
            ordered.add(entries.get(server));
        }
        this.tools = NameTable.build(Kind.TOOLS, ordered, e -> e.tools);
        this.prompts = NameTable.build(Kind.PROMPTS, ordered, e -> e.prompts);
        this.resources = ResourceIndex.build(ordered);
    }

    /** A catalog with no server yet. */
    public static Catalog empty(CatalogSettings settings) {
        return new Catalog(Objects.requireNonNull(settings, "settings"), Map.of());
    }

    /**
     * A catalog of {@code servers}; their order does not matter, the settings' does.
     *
     * @throws IllegalArgumentException when a server is not in {@code settings}, or is given twice
     */
    public static Catalog of(CatalogSettings settings, Collection<ServerCatalog> servers) {
        Map<String, ServerEntries> entries = HashMap.newHashMap(servers.size());
        for (ServerCatalog server : servers) {
            if (entries.put(server.server(), prepare(settings, server, null)) != null) {
                throw new IllegalArgumentException(
                        "servers: \"" + server.server() + "\" twice (expected: each server once)");
            }
        }
        return new Catalog(settings, Collections.unmodifiableMap(entries));
    }

    private static ServerEntries prepare(
            CatalogSettings settings, ServerCatalog server, @Nullable ServerEntries previous) {
        CatalogSettings.Rule rule = settings.rule(server.server());
        if (rule == null) {
            throw new IllegalArgumentException("server: \"" + server.server()
                    + "\" (expected: one of the servers in the catalog settings " + settings.servers() + ")");
        }
        return ServerEntries.of(server, rule, settings.separator(), previous);
    }

    /**
     * This catalog with {@code server}'s catalog added or replaced.
     *
     * @throws IllegalArgumentException when the server is not in {@link #settings()}
     */
    public Catalog withServer(ServerCatalog server) {
        Map<String, ServerEntries> copy = new HashMap<>(entries);
        copy.put(server.server(), prepare(settings, server, entries.get(server.server())));
        return new Catalog(settings, Collections.unmodifiableMap(copy));
    }

    /** This catalog without {@code server}; this catalog itself when it has no such server. */
    public Catalog withoutServer(String server) {
        if (!entries.containsKey(server)) {
            return this;
        }
        Map<String, ServerEntries> copy = new HashMap<>(entries);
        copy.remove(server);
        return new Catalog(settings, Collections.unmodifiableMap(copy));
    }

    /**
     * This catalog under other settings (a reload): servers no longer in them are dropped, the
     * others renamed and filtered anew.
     */
    public Catalog withSettings(CatalogSettings newSettings) {
        Objects.requireNonNull(newSettings, "newSettings");
        Map<String, ServerEntries> copy = new HashMap<>();
        entries.forEach((server, previous) -> {
            if (newSettings.contains(server)) {
                copy.put(server, prepare(newSettings, previous.catalog, previous));
            }
        });
        return new Catalog(newSettings, Collections.unmodifiableMap(copy));
    }

    /** The settings this catalog was named and filtered with. */
    public CatalogSettings settings() {
        return settings;
    }

    /** The servers whose catalogs are here, in configuration order. Immutable. */
    public List<String> servers() {
        return servers;
    }

    /** {@code server}'s catalog as it sent it (before filter and names), if it is here. */
    public Optional<ServerCatalog> server(String server) {
        ServerEntries e = entries.get(server);
        return e == null ? Optional.empty() : Optional.of(e.catalog);
    }

    /** Every offered tool: servers in configuration order, each server's tools in its order. */
    public List<CatalogTool> tools() {
        return tools.all();
    }

    /** The tool offered as {@code exposedName}, exactly. */
    public Optional<CatalogTool> tool(String exposedName) {
        return Optional.ofNullable(tools.byName(exposedName));
    }

    /** {@code server}'s offered tools, in its order; empty when the server is not here. */
    public List<CatalogTool> toolsOf(String server) {
        return tools.ofServer(server);
    }

    /**
     * The tool a caller means by {@code name} (seed {@code route_tool}): the tool offered as {@code
     * name}; else the tool a caller names {@code server + separator + its own name} (which also
     * works for a server that is not prefixed); else the one tool whose own name is {@code name},
     * when only one server offers such a tool.
     *
     * @return the tool, or empty when no tool matches
     * @throws AmbiguousToolException when more than one tool has {@code name} as its own name and
     *     none is offered as {@code name}; it lists their full names
     */
    public Optional<CatalogTool> route(String name) {
        return route(name, tool -> true);
    }

    /**
     * As {@link #route(String)}, among the tools {@code visible} accepts only (a caller's access
     * policy): a hidden tool is treated exactly like a missing one, also in the candidates of an
     * ambiguity.
     *
     * @throws AmbiguousToolException when more than one visible tool has {@code name} as its own name
     */
    public Optional<CatalogTool> route(String name, Predicate<? super CatalogTool> visible) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(visible, "visible");
        return Optional.ofNullable(tools.route(name, visible, CatalogTool::name));
    }

    /** Every prompt: servers in configuration order, each server's prompts in its order. */
    public List<CatalogPrompt> prompts() {
        return prompts.all();
    }

    /** The prompt offered as {@code exposedName}, exactly. */
    public Optional<CatalogPrompt> prompt(String exposedName) {
        return Optional.ofNullable(prompts.byName(exposedName));
    }

    /** {@code server}'s prompts, in its order; empty when the server is not here. */
    public List<CatalogPrompt> promptsOf(String server) {
        return prompts.ofServer(server);
    }

    /** Every offered resource (URIs offered twice: the earlier server's only), in order. */
    public List<CatalogResource> resources() {
        return resources.resources();
    }

    /** Every offered resource template (templates offered twice: the earlier server's only). */
    public List<CatalogResource> resourceTemplates() {
        return resources.templates();
    }

    /** {@code server}'s offered resources; empty when the server is not here. */
    public List<CatalogResource> resourcesOf(String server) {
        return resources.resourcesOf(server);
    }

    /** {@code server}'s offered resource templates; empty when the server is not here. */
    public List<CatalogResource> resourceTemplatesOf(String server) {
        return resources.templatesOf(server);
    }

    /**
     * The server to send {@code resources/read} (or subscribe) of {@code uri} to: the server with a
     * resource of exactly that URI; else the one with a template whose literal start (the text
     * before its first <code>{</code>) {@code uri} starts with, the longest start winning, then the
     * earlier server. Template expressions are not evaluated, so {@code file:///{path}} claims every
     * URI beginning {@code file:///}.
     */
    public Optional<String> resourceOwner(String uri) {
        CatalogResource owner = resources.owner(Objects.requireNonNull(uri, "uri"));
        return owner == null ? Optional.empty() : Optional.of(owner.server());
    }

    /** Every tool and prompt renamed because its name was taken, tools first, in order. */
    public List<NameCollision> collisions() {
        List<NameCollision> t = tools.collisions();
        List<NameCollision> p = prompts.collisions();
        if (p.isEmpty()) {
            return t;
        }
        List<NameCollision> all = new ArrayList<>(t.size() + p.size());
        all.addAll(t);
        all.addAll(p);
        return List.copyOf(all);
    }

    /** Every resource and template left out because an earlier server offers its URI. */
    public List<UriCollision> uriCollisions() {
        return resources.collisions();
    }

    @Override
    public String toString() {
        return "Catalog[" + servers.size() + " servers, " + tools().size() + " tools, "
                + prompts().size()
                + " prompts, " + resources().size() + " resources, "
                + resourceTemplates().size() + " templates, "
                + (tools.collisions().size() + prompts.collisions().size()) + " collisions]";
    }
}
