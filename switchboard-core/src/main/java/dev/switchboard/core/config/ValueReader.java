package dev.switchboard.core.config;

import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads typed values out of a document, expanding environment variables in strings and reporting
 * every value of the wrong type or out of range. Each method returns {@code null} after reporting a
 * problem. Strings stand for numbers, booleans and durations too, so {@code ${VAR}} can supply them.
 */
final class ValueReader {
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");

    private final Problems problems;
    private final EnvExpander environment;

    ValueReader(Problems problems, EnvExpander environment) {
        this.problems = problems;
        this.environment = environment;
    }

    Problems problems() {
        return problems;
    }

    /** A string, expanded. */
    @Nullable
    String string(JsonNode node, ConfigPath path, boolean secret) {
        if (!node.isString()) {
            problems.invalid(path, node, secret, "a string");
            return null;
        }
        return environment.expand(node.asString(), path, problems);
    }

    /** A string, expanded, that is not blank. */
    @Nullable
    String nonBlank(JsonNode node, ConfigPath path, boolean secret, String expected) {
        String value = string(node, path, secret);
        if (value != null && value.isBlank()) {
            problems.invalid(path, secret ? Problems.secret() : ConfigPath.quoted(value), expected);
            return null;
        }
        return value;
    }

    /** {@code true} or {@code false}, or a string that expands to one of them. */
    @Nullable
    Boolean bool(JsonNode node, ConfigPath path) {
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        String text = node.isString() ? environment.expand(node.asString(), path, problems) : null;
        if (text != null && (text.equals("true") || text.equals("false"))) {
            return Boolean.parseBoolean(text);
        }
        if (text != null || !node.isString()) {
            problems.invalid(path, shown(node, text), "true or false");
        }
        return null;
    }

    /** A whole number from {@code min} to {@code max}, or a string that expands to one. */
    @Nullable
    Integer integer(JsonNode node, ConfigPath path, int min, int max) {
        String expected = "an integer from " + min + " to " + max;
        @Nullable BigInteger value = null;
        @Nullable String text = null;
        if (node.isIntegralNumber()) {
            value = node.bigIntegerValue();
        } else if (node.isString()) {
            text = environment.expand(node.asString(), path, problems);
            if (text == null) {
                return null;
            }
            value = INTEGER.matcher(text.strip()).matches() ? new BigInteger(text.strip()) : null;
        }
        if (value == null
                || value.compareTo(BigInteger.valueOf(min)) < 0
                || value.compareTo(BigInteger.valueOf(max)) > 0) {
            problems.invalid(path, shown(node, text), expected);
            return null;
        }
        return value.intValue();
    }

    /** A positive duration: text such as {@code 30s} or {@code PT30S}, or milliseconds. */
    @Nullable
    Duration duration(JsonNode node, ConfigPath path) {
        @Nullable Duration value = null;
        @Nullable String text = null;
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            value = Durations.ofMillis(node.longValue());
        } else if (node.isString()) {
            text = environment.expand(node.asString(), path, problems);
            if (text == null) {
                return null;
            }
            value = Durations.parse(text);
        }
        if (value == null) {
            problems.invalid(path, shown(node, text), Durations.EXPECTED);
        }
        return value;
    }

    /** One of {@code values}, by the name {@code nameOf} gives it in the file. */
    <T> @Nullable T choice(JsonNode node, ConfigPath path, List<T> values, Function<T, String> nameOf) {
        String text = node.isString() ? environment.expand(node.asString(), path, problems) : null;
        if (text == null && node.isString()) {
            return null;
        }
        for (T value : values) {
            if (nameOf.apply(value).equals(text)) {
                return value;
            }
        }
        List<String> names = new ArrayList<>();
        values.forEach(value -> names.add(ConfigPath.quoted(nameOf.apply(value))));
        problems.invalid(path, shown(node, text), oneOf(names));
        return null;
    }

    /** How a value reads in a message: as expanded, when it was a string, else as written. */
    private static String shown(JsonNode node, @Nullable String expanded) {
        return expanded == null ? Problems.show(node) : ConfigPath.quoted(expanded);
    }

    /** An array of strings, each expanded; {@code nonBlank} rejects blank items. */
    @Nullable
    List<String> strings(JsonNode node, ConfigPath path, boolean nonBlank) {
        if (!node.isArray()) {
            problems.invalid(path, node, false, nonBlank ? "an array of non-empty strings" : "an array of strings");
            return null;
        }
        List<String> items = new ArrayList<>();
        boolean valid = true;
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            @Nullable
            String value = nonBlank
                    ? nonBlank(item, path.index(i), false, "a non-empty string")
                    : string(item, path.index(i), false);
            valid &= value != null;
            if (value != null) {
                items.add(value);
            }
        }
        return valid ? List.copyOf(items) : null;
    }

    /**
     * An object whose values are strings, each expanded, in file order; the entries that are not
     * are reported and left out, so the others can still be checked.
     */
    @Nullable
    Map<String, String> stringMap(JsonNode node, ConfigPath path, boolean secretValues, String expected) {
        if (!node.isObject()) {
            problems.invalid(path, node, false, expected);
            return null;
        }
        Map<String, String> entries = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            @Nullable String value = string(entry.getValue(), path.key(entry.getKey()), secretValues);
            if (value != null) {
                entries.put(entry.getKey(), value);
            }
        }
        return Collections.unmodifiableMap(entries);
    }

    /** The members of an object whose keys must be among {@code known}. */
    @Nullable
    ObjectFields object(JsonNode node, ConfigPath path, List<String> known, String expected) {
        if (!node.isObject()) {
            problems.invalid(path, node, false, expected);
            return null;
        }
        return new ObjectFields(node, path, known, this);
    }

    /**
     * An absolute URL with one of {@code schemes} and a host, expanded; shown without user info or
     * query in messages, since those may hold credentials.
     */
    @Nullable
    URI url(JsonNode node, ConfigPath path, Set<String> schemes, String expected) {
        String text = string(node, path, false);
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (schemes.contains(scheme) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below, like any other URL that is not of the expected form
        }
        problems.invalid(path, ConfigPath.quoted(Redaction.url(text)), expected);
        return null;
    }

    /** {@code one of "a", "b" or "c"}; {@code "a" or "b"} for two names, {@code "a"} for one. */
    static String oneOf(List<String> quotedNames) {
        if (quotedNames.size() <= 2) {
            return String.join(" or ", quotedNames);
        }
        return "one of " + String.join(", ", quotedNames.subList(0, quotedNames.size() - 1)) + " or "
                + quotedNames.get(quotedNames.size() - 1);
    }
}
