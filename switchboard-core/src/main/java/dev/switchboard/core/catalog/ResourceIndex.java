package dev.switchboard.core.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The resources and resource templates of every server of a snapshot, and which server owns a URI.
 * A URI (or URI template) offered by two servers belongs to the one earlier in configuration order;
 * the other's is left out and reported. Immutable.
 *
 * <p>Ownership of a URI: the server with a resource of exactly that URI; else the server with a
 * template whose literal start (everything before its first <code>{</code>) the URI starts with,
 * the longest such start winning and, for equal starts, the earlier server; a template without
 * <code>{</code> matches only itself. Template expressions are not evaluated: {@code file:///{path}} owns every
 * URI starting with {@code file:///}, whatever follows.
 */
final class ResourceIndex {
    private final List<CatalogResource> resources;
    private final List<CatalogResource> templates;
    private final Map<String, CatalogResource> byUri;
    private final Map<String, CatalogResource> literalTemplates;
    private final Map<String, CatalogResource> byPrefix;
    private final int[] prefixLengths;
    private final Map<String, List<CatalogResource>> resourcesByServer;
    private final Map<String, List<CatalogResource>> templatesByServer;
    private final List<UriCollision> collisions;

    private ResourceIndex(Builder b) {
        this.resources = Collections.unmodifiableList(b.resources);
        this.templates = Collections.unmodifiableList(b.templates);
        this.byUri = b.byUri;
        this.literalTemplates = b.literalTemplates;
        this.byPrefix = b.byPrefix;
        this.prefixLengths =
                b.lengths.descendingSet().stream().mapToInt(Integer::intValue).toArray();
        this.resourcesByServer = b.resourcesByServer;
        this.templatesByServer = b.templatesByServer;
        this.collisions = List.copyOf(b.collisions);
    }

    /** The index of {@code servers}, in configuration order. */
    static ResourceIndex build(List<ServerEntries> servers) {
        Builder b = new Builder();
        Map<String, CatalogResource> templatesByText = new HashMap<>();
        for (ServerEntries server : servers) {
            List<CatalogResource> own = new ArrayList<>(server.resources.size());
            for (CatalogResource r : server.resources) {
                if (b.claim(b.byUri, r, Kind.RESOURCES)) {
                    b.resources.add(r);
                    own.add(r);
                }
            }
            b.resourcesByServer.put(server.server(), Collections.unmodifiableList(own));
            List<CatalogResource> ownTemplates = new ArrayList<>(server.templates.size());
            for (CatalogResource t : server.templates) {
                if (b.claim(templatesByText, t, Kind.RESOURCE_TEMPLATES)) {
                    b.templates.add(t);
                    ownTemplates.add(t);
                    b.addTemplate(t);
                }
            }
            b.templatesByServer.put(server.server(), Collections.unmodifiableList(ownTemplates));
        }
        return new ResourceIndex(b);
    }

    private static final class Builder {
        final List<CatalogResource> resources = new ArrayList<>();
        final List<CatalogResource> templates = new ArrayList<>();
        final Map<String, CatalogResource> byUri = new HashMap<>();
        final Map<String, CatalogResource> literalTemplates = new HashMap<>();
        final Map<String, CatalogResource> byPrefix = new HashMap<>();
        final TreeSet<Integer> lengths = new TreeSet<>();
        final Map<String, List<CatalogResource>> resourcesByServer = new LinkedHashMap<>();
        final Map<String, List<CatalogResource>> templatesByServer = new LinkedHashMap<>();
        final List<UriCollision> collisions = new ArrayList<>();

        /** Whether {@code r} is the first with its URI; reports the collision when it is not. */
        boolean claim(Map<String, CatalogResource> taken, CatalogResource r, Kind kind) {
            CatalogResource holder = taken.putIfAbsent(r.uri(), r);
            if (holder == null) {
                return true;
            }
            collisions.add(new UriCollision(kind, r.uri(), holder.server(), r.server()));
            return false;
        }

        void addTemplate(CatalogResource t) {
            int brace = t.uri().indexOf('{');
            if (brace < 0) {
                // No expression: a template that matches only its own text, like a resource.
                literalTemplates.putIfAbsent(t.uri(), t);
                return;
            }
            if (byPrefix.putIfAbsent(t.uri().substring(0, brace), t) == null) {
                lengths.add(brace);
            }
        }
    }

    List<CatalogResource> resources() {
        return resources;
    }

    List<CatalogResource> templates() {
        return templates;
    }

    List<CatalogResource> resourcesOf(String server) {
        return resourcesByServer.getOrDefault(server, List.of());
    }

    List<CatalogResource> templatesOf(String server) {
        return templatesByServer.getOrDefault(server, List.of());
    }

    List<UriCollision> collisions() {
        return collisions;
    }

    /** The resource or template that owns {@code uri}, or null. */
    @Nullable
    CatalogResource owner(String uri) {
        CatalogResource exact = byUri.get(uri);
        if (exact != null) {
            return exact;
        }
        CatalogResource literal = literalTemplates.get(uri);
        if (literal != null) {
            return literal;
        }
        for (int length : prefixLengths) {
            if (length <= uri.length()) {
                CatalogResource t = byPrefix.get(uri.substring(0, length));
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }
}
