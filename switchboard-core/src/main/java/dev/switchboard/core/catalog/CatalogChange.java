package dev.switchboard.core.catalog;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One change of a {@link LiveCatalog}: the snapshots before and after, and for each server whose
 * offer changed, which kinds changed. A server's offer of a kind changed when the entries the
 * gateway offers for it differ: added, removed, renamed (also by a collision another server
 * caused), or with another definition.
 *
 * @param previous the snapshot before
 * @param current the snapshot after
 * @param changed the servers whose offer changed (in configuration order, removed servers last),
 *     each with the kinds that changed; never empty for a change a listener receives
 */
public record CatalogChange(Catalog previous, Catalog current, Map<String, Set<Kind>> changed) {
    /** Copies the map. */
    public CatalogChange {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
        Map<String, Set<Kind>> copy = new LinkedHashMap<>();
        changed.forEach((server, kinds) -> {
            Set<Kind> k = EnumSet.noneOf(Kind.class);
            k.addAll(kinds);
            copy.put(Objects.requireNonNull(server, "server"), Collections.unmodifiableSet(k));
        });
        changed = Collections.unmodifiableMap(copy);
    }

    /** Every kind that changed for some server. */
    public Set<Kind> kinds() {
        Set<Kind> all = EnumSet.noneOf(Kind.class);
        changed.values().forEach(all::addAll);
        return Collections.unmodifiableSet(all);
    }

    /** The kinds that changed for {@code server}; empty when none did. */
    public Set<Kind> kindsOf(String server) {
        return changed.getOrDefault(server, Set.of());
    }

    /** Whether nothing changed. */
    public boolean isEmpty() {
        return changed.isEmpty();
    }

    /** What differs between {@code previous} and {@code current}. */
    static CatalogChange between(Catalog previous, Catalog current) {
        Set<String> servers = new LinkedHashSet<>(current.servers());
        servers.addAll(previous.servers());
        Map<String, Set<Kind>> changed = new LinkedHashMap<>();
        for (String server : servers) {
            Set<Kind> kinds = EnumSet.noneOf(Kind.class);
            if (!same(previous.toolsOf(server), current.toolsOf(server))) {
                kinds.add(Kind.TOOLS);
            }
            if (!same(previous.resourcesOf(server), current.resourcesOf(server))) {
                kinds.add(Kind.RESOURCES);
            }
            if (!same(previous.resourceTemplatesOf(server), current.resourceTemplatesOf(server))) {
                kinds.add(Kind.RESOURCE_TEMPLATES);
            }
            if (!same(previous.promptsOf(server), current.promptsOf(server))) {
                kinds.add(Kind.PROMPTS);
            }
            if (!kinds.isEmpty()) {
                changed.put(server, kinds);
            }
        }
        return new CatalogChange(previous, current, changed);
    }

    /** Equal lists; entries reused between snapshots compare by identity first, so this is cheap. */
    private static <T> boolean same(List<T> a, List<T> b) {
        if (a == b) {
            return true;
        }
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            T x = a.get(i);
            T y = b.get(i);
            if (x != y && !x.equals(y)) {
                return false;
            }
        }
        return true;
    }
}
