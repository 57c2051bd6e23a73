package dev.switchboard.server.auth;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Request headers as the authenticator sees them: looked up by name, ignoring case. */
final class Headers {
    private Headers() {}

    static Function<String, @Nullable String> of(String... namesAndValues) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers::get;
    }

    static Function<String, @Nullable String> bearer(String token) {
        return of("Authorization", "Bearer " + token);
    }
}
