package dev.switchboard.core.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The names of one kind (tools or prompts) across every server of a snapshot, with the lookups
 * routing needs. Immutable.
 *
 * <p>Names are given in two passes over the servers in configuration order, each server's items in
 * the server's order. First every item takes the name it asks for when that is still free (so the
 * earlier server keeps a contested name). Then each item that lost takes its prefixed name when
 * free, else the prefixed name with {@code _2}, {@code _3}, ...: a fallback never takes a name an
 * item asks for itself. Nothing depends on hash order or on the order servers were added.
 *
 * @param <T> {@link CatalogTool} or {@link CatalogPrompt}
 */
final class NameTable<T> {
    private final List<T> all;
    // While naming: name -> the Candidate holding it; then the same map, name -> entry (T).
    private final Map<String, Object> byName;
    private final Map<String, T> byQualified;
    // An entry, or a List of entries when several share their own name.
    private final Map<String, Object> byOriginal;
    private final Map<String, List<T>> byServer;
    private final List<NameCollision> collisions;

    private NameTable(
            List<T> all,
            Map<String, Object> byName,
            Map<String, T> byQualified,
            Map<String, Object> byOriginal,
            Map<String, List<T>> byServer,
            List<NameCollision> collisions) {
        this.all = all;
        this.byName = byName;
        this.byQualified = byQualified;
        this.byOriginal = byOriginal;
        this.byServer = byServer;
        this.collisions = collisions;
    }

    /**
     * Names the candidates of {@code servers} (in configuration order).
     *
     * @param pick a server's candidates of this kind
     */
    static <T> NameTable<T> build(
            Kind kind, List<ServerEntries> servers, Function<ServerEntries, List<Candidate<T>>> pick) {
        int size = 0;
        for (ServerEntries server : servers) {
            size += pick.apply(server).size();
        }
        Map<String, Object> holders = HashMap.newHashMap(size);
        List<Candidate<T>> losers = new ArrayList<>();
        for (ServerEntries server : servers) {
            for (Candidate<T> c : pick.apply(server)) {
                if (holders.putIfAbsent(c.preferred, c) != null) {
                    losers.add(c);
                }
            }
        }
        List<NameCollision> collisions = new ArrayList<>(losers.size());
        Map<Candidate<T>, String> renamed = losers.isEmpty() ? Map.of() : new HashMap<>();
        for (Candidate<T> loser : losers) {
            String assigned = fallback(loser, holders);
            holders.put(assigned, loser);
            renamed.put(loser, assigned);
            String keeper = holders.get(loser.preferred) instanceof Candidate<?> c ? c.server : loser.server;
            collisions.add(new NameCollision(kind, loser.preferred, keeper, loser.server, loser.original, assigned));
        }
        return index(servers, pick, holders, renamed, size, collisions);
    }

    private static String fallback(Candidate<?> loser, Map<String, Object> holders) {
        if (!holders.containsKey(loser.prefixed)) {
            return loser.prefixed;
        }
        // Each try takes a new number, and at most holders.size() names are taken: this ends.
        for (int n = 2; ; n++) {
            String numbered = ExposedNames.numbered(loser.prefixed, n);
            if (!holders.containsKey(numbered)) {
                return numbered;
            }
        }
    }

    private static <T> NameTable<T> index(
            List<ServerEntries> servers,
            Function<ServerEntries, List<Candidate<T>>> pick,
            Map<String, Object> byName,
            Map<Candidate<T>, String> renamed,
            int size,
            List<NameCollision> collisions) {
        List<T> all = new ArrayList<>(size);
        Map<String, T> byQualified = new HashMap<>();
        Map<String, Object> byOriginal = HashMap.newHashMap(size);
        Map<String, List<T>> byServer = LinkedHashMap.newLinkedHashMap(servers.size());
        for (ServerEntries server : servers) {
            List<Candidate<T>> candidates = pick.apply(server);
            List<T> ofServer = new ArrayList<>(candidates.size());
            for (Candidate<T> c : candidates) {
                String name = renamed.isEmpty() ? c.preferred : renamed.getOrDefault(c, c.preferred);
                T entry = c.entry(name);
                all.add(entry);
                ofServer.add(entry);
                byName.put(name, entry); // replaces the candidate: no new mapping, no resize
                // A name a caller can find by the exact lookup needs no second index entry: the
                // exact lookup comes first, and finds it (or, when hidden, skips it) anyway.
                if (!c.qualified.equals(name)) {
                    byQualified.putIfAbsent(c.qualified, entry);
                }
                if (!c.original.equals(name)) {
                    addOriginal(byOriginal, c.original, entry);
                }
            }
            byServer.put(server.server(), Collections.unmodifiableList(ofServer));
        }
        return new NameTable<>(
                Collections.unmodifiableList(all),
                byName,
                byQualified,
                byOriginal,
                Collections.unmodifiableMap(byServer),
                List.copyOf(collisions));
    }

    private static void addOriginal(Map<String, Object> byOriginal, String original, Object entry) {
        Object present = byOriginal.putIfAbsent(original, entry);
        if (present == null) {
            return;
        }
        List<Object> several;
        if (present instanceof List<?> list) {
            several = new ArrayList<>(list);
        } else {
            several = new ArrayList<>(2);
            several.add(present);
        }
        several.add(entry);
        byOriginal.put(original, several);
    }

    List<T> all() {
        return all;
    }

    // Once built, byName holds entries of type T only.
    @SuppressWarnings("unchecked")
    @Nullable
    T byName(String name) {
        return (T) byName.get(name);
    }

    List<T> ofServer(String server) {
        List<T> entries = byServer.get(server);
        return entries == null ? List.of() : entries;
    }

    List<NameCollision> collisions() {
        return collisions;
    }

    /**
     * The entry {@code name} means among the visible ones: the one offered as {@code name}, else
     * the one a caller names {@code server + separator + own name}, else the only one whose own name
     * is {@code name}.
     *
     * @throws AmbiguousToolException when more than one visible entry has {@code name} as its own
     *     name (and none is offered or qualified as {@code name})
     */
    @Nullable
    T route(String name, Predicate<? super T> visible, Function<T, String> nameOf) {
        T exact = byName(name);
        if (exact != null && visible.test(exact)) {
            return exact;
        }
        T qualified = byQualified.get(name);
        if (qualified != null && visible.test(qualified)) {
            return qualified;
        }
        Object bare = byOriginal.get(name);
        if (bare == null) {
            return null;
        }
        if (!(bare instanceof List<?>)) {
            @SuppressWarnings("unchecked") // a single entry of type T
            T single = (T) bare;
            return visible.test(single) ? single : null;
        }
        T only = null;
        List<String> candidates = null;
        for (T entry : entries(bare)) {
            if (!visible.test(entry)) {
                continue;
            }
            if (only == null) {
                only = entry;
            } else {
                if (candidates == null) {
                    candidates = new ArrayList<>();
                    candidates.add(nameOf.apply(only));
                }
                candidates.add(nameOf.apply(entry));
            }
        }
        if (candidates != null) {
            throw new AmbiguousToolException(name, candidates);
        }
        return only;
    }

    // Only entries of type T and lists of them are ever put into byOriginal.
    @SuppressWarnings("unchecked")
    private List<T> entries(Object bare) {
        return (List<T>) bare;
    }
}
