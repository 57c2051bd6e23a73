package dev.switchboard.mcp.client.stdio;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Computes a child's environment: a base (the few variables of {@link
 * StdioServerParameters#BASE_ENVIRONMENT}, or this JVM's whole environment when asked for) with the
 * configured variables on top. A gateway's own environment often holds credentials for other
 * systems; a child server gets them only when they are configured for it.
 */
final class MinimalEnvironment {
    private static final Set<String> BASE_NAMES = StdioServerParameters.BASE_ENVIRONMENT.stream()
            .map(n -> n.toUpperCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());

    private MinimalEnvironment() {}

    /**
     * The environment for a child.
     *
     * @param parent the environment of this JVM ({@code System.getenv()})
     * @param parameters the launch
     * @return a new mutable map
     */
    static Map<String, String> of(Map<String, String> parent, StdioServerParameters parameters) {
        Map<String, String> result = new HashMap<>();
        if (parameters.inheritEnvironment()) {
            result.putAll(parent);
        } else {
            parent.forEach((name, value) -> {
                if (BASE_NAMES.contains(name.toUpperCase(Locale.ROOT))) {
                    result.put(name, value);
                }
            });
        }
        result.putAll(parameters.env());
        return result;
    }
}
