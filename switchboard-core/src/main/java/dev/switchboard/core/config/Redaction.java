package dev.switchboard.core.config;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** How secrets are kept out of {@code toString()} and messages, and how maps are copied. */
final class Redaction {
    /** What a secret is shown as. */
    static final String MASK = "***";

    // user info (user:password@) and everything from the query on may carry credentials
    private static final Pattern USER_INFO = Pattern.compile("(?<=//)[^/?#@]*@");
    private static final Pattern QUERY_AND_FRAGMENT = Pattern.compile("[?#].*$", Pattern.DOTALL);

    private Redaction() {}

    /** {@code url} without user info, query and fragment, which may carry credentials. */
    static String url(String url) {
        String withoutQuery = QUERY_AND_FRAGMENT.matcher(url).replaceFirst("?" + MASK);
        return USER_INFO.matcher(withoutQuery).replaceFirst(MASK + "@");
    }

    /** {@code url} without user info, query and fragment, which may carry credentials. */
    static String url(URI url) {
        return url(url.toString());
    }

    /** {@code map} with every value replaced by {@value #MASK}, for {@code toString()}. */
    static String masked(Map<String, String> map) {
        StringBuilder out = new StringBuilder("{");
        for (String key : map.keySet()) {
            if (out.length() > 1) {
                out.append(", ");
            }
            out.append(key).append('=').append(MASK);
        }
        return out.append('}').toString();
    }

    /** An unmodifiable copy of {@code map} in its iteration order, rejecting null keys and values. */
    static Map<String, String> copy(Map<String, String> map, String name) {
        Map<String, String> copy = new LinkedHashMap<>();
        map.forEach((key, value) ->
                copy.put(Objects.requireNonNull(key, name + " key"), Objects.requireNonNull(value, name + " value")));
        return Collections.unmodifiableMap(copy);
    }

    /** An unmodifiable copy of {@code list}, rejecting null items. */
    static List<String> copy(List<String> list) {
        return List.copyOf(list);
    }
}
