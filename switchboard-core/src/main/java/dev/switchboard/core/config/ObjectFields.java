package dev.switchboard.core.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The members of one object in the document, read by key with a default for each missing one. A
 * member set to {@code null} counts as missing, as YAML writes an empty value. Keys outside the
 * known set are reported by {@link #reportUnknownKeys}, with the closest known key suggested.
 */
final class ObjectFields {
    private final JsonNode node;
    private final ConfigPath path;
    private final List<String> known;
    private final ValueReader in;

    ObjectFields(JsonNode node, ConfigPath path, List<String> known, ValueReader in) {
        this.node = node;
        this.path = path;
        this.known = known;
        this.in = in;
    }

    ConfigPath path() {
        return path;
    }

    ConfigPath path(String key) {
        return path.key(key);
    }

    ValueReader reader() {
        return in;
    }

    /** The member {@code key}, or {@code null} when it is missing or null. */
    @Nullable
    JsonNode get(String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : value;
    }

    /** The member {@code key}, which {@link #has} said is there. */
    JsonNode present(String key) {
        JsonNode value = get(key);
        if (value == null) {
            throw new IllegalStateException(path(key) + ": missing (expected: a value, as checked)");
        }
        return value;
    }

    boolean has(String key) {
        return get(key) != null;
    }

    @Nullable
    String string(String key) {
        JsonNode value = get(key);
        return value == null ? null : in.nonBlank(value, path(key), false, "a non-empty string");
    }

    String string(String key, String fallback) {
        String value = string(key);
        return value == null ? fallback : value;
    }

    boolean bool(String key, boolean fallback) {
        JsonNode value = get(key);
        Boolean read = value == null ? null : in.bool(value, path(key));
        return read == null ? fallback : read;
    }

    int integer(String key, int fallback, int min, int max) {
        JsonNode value = get(key);
        Integer read = value == null ? null : in.integer(value, path(key), min, max);
        return read == null ? fallback : read;
    }

    Duration duration(String key, Duration fallback) {
        JsonNode value = get(key);
        Duration read = value == null ? null : in.duration(value, path(key));
        return read == null ? fallback : read;
    }

    <T> T choice(String key, T fallback, List<T> values, Function<T, String> nameOf) {
        JsonNode value = get(key);
        T read = value == null ? null : in.choice(value, path(key), values, nameOf);
        return read == null ? fallback : read;
    }

    List<String> strings(String key, List<String> fallback, boolean nonBlank) {
        JsonNode value = get(key);
        List<String> read = value == null ? null : in.strings(value, path(key), nonBlank);
        return read == null ? fallback : read;
    }

    Map<String, String> stringMap(String key, boolean secretValues, String expected) {
        JsonNode value = get(key);
        Map<String, String> read = value == null ? null : in.stringMap(value, path(key), secretValues, expected);
        return read == null ? Map.of() : read;
    }

    /** The member object {@code key}, or {@code null} when it is missing or not an object. */
    @Nullable
    ObjectFields object(String key, List<String> knownKeys) {
        JsonNode value = get(key);
        return value == null ? null : in.object(value, path(key), knownKeys, "an object");
    }

    /** Reports each key that is not known, except those in {@code alreadyReported}. */
    void reportUnknownKeys(Set<String> alreadyReported) {
        for (String key : node.propertyNames()) {
            if (known.contains(key) || alreadyReported.contains(key)) {
                continue;
            }
            String suggestion = KeySuggestions.closest(key, known);
            in.problems()
                    .add(
                            path(key),
                            suggestion != null
                                    ? "unknown key (did you mean " + ConfigPath.quoted(suggestion) + "?)"
                                    : "unknown key (expected: " + keyList(known) + ")");
        }
    }

    void reportUnknownKeys() {
        reportUnknownKeys(Set.of());
    }

    /** {@code one of "a", "b" or "c"}. */
    static String keyList(List<String> keys) {
        List<String> quoted = new ArrayList<>();
        keys.forEach(key -> quoted.add(ConfigPath.quoted(key)));
        return ValueReader.oneOf(quoted);
    }
}
