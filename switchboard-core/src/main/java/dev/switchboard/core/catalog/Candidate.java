package dev.switchboard.core.catalog;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One tool or prompt of one server with the names it may get, computed once per server catalog and
 * reused by every snapshot built from it: the name it asks for, its prefixed name (the first
 * fallback), and {@code server + separator + own name} as a caller may write it. Remembers the last
 * entry it made, so that a snapshot rebuilt for another server's sake reuses this server's entries
 * (and their definitions) as long as their names stay the same.
 *
 * @param <T> {@link CatalogTool} or {@link CatalogPrompt}
 */
final class Candidate<T> {
    /** Makes entries of one type. */
    interface Factory<T> {
        T create(String name, String server, String originalName, ObjectNode definition);

        String name(T entry);
    }

    static final Factory<CatalogTool> TOOLS = new Factory<>() {
        @Override
        public CatalogTool create(String name, String server, String originalName, ObjectNode definition) {
            return new CatalogTool(name, server, originalName, definition);
        }

        @Override
        public String name(CatalogTool entry) {
            return entry.name();
        }
    };

    static final Factory<CatalogPrompt> PROMPTS = new Factory<>() {
        @Override
        public CatalogPrompt create(String name, String server, String originalName, ObjectNode definition) {
            return new CatalogPrompt(name, server, originalName, definition);
        }

        @Override
        public String name(CatalogPrompt entry) {
            return entry.name();
        }
    };

    final String server;
    final String original;
    final String preferred;
    final String prefixed;
    final String qualified;
    private final ObjectNode source;
    private final Factory<T> factory;
    // A cache only: a race makes at most an extra entry; entries are immutable records.
    private volatile @Nullable T last;

    Candidate(String server, String separator, boolean prefix, ObjectNode source, Factory<T> factory) {
        this.server = server;
        this.original = source.path("name").asString();
        this.qualified = server + separator + original;
        this.prefixed = ExposedNames.fit(qualified);
        this.preferred = prefix ? prefixed : ExposedNames.fit(original);
        this.source = source;
        this.factory = factory;
    }

    /** The entry offering this candidate as {@code name}. */
    T entry(String name) {
        T cached = last;
        if (cached != null && factory.name(cached).equals(name)) {
            return cached;
        }
        T made = factory.create(name, server, original, definition(name));
        last = made;
        return made;
    }

    private ObjectNode definition(String name) {
        if (name.equals(original)) {
            return source;
        }
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> field : source.properties()) {
            copy.set(field.getKey(), field.getKey().equals("name") ? copy.stringNode(name) : field.getValue());
        }
        return copy;
    }
}
