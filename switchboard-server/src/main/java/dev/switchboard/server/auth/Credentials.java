package dev.switchboard.server.auth;

import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The credentials of one request, read from its headers: a bearer token from {@code
 * Authorization: Bearer <token>}, else an API key from {@code X-API-Key}. A non-Bearer {@code
 * Authorization} header (such as Basic, meant for a proxy) is passed over when an {@code X-API-Key}
 * is there. Never shown: {@link #toString()} masks the secret.
 *
 * @param secret the token or key, or {@code null} when the request carries none that we read
 * @param bearer whether the secret came as a bearer token (which may be a JWT or an API key), rather
 *     than as {@code X-API-Key} (an API key only)
 * @param problem why the headers could not be read, or {@code null}
 */
record Credentials(
        @Nullable String secret, boolean bearer, @Nullable String problem) {
    static final String AUTHORIZATION = "Authorization";
    static final String API_KEY = "X-API-Key";

    private static final String BEARER = "bearer";

    static Credentials from(Function<String, @Nullable String> headers) {
        String authorization = headers.apply(AUTHORIZATION);
        String apiKey = trimmed(headers.apply(API_KEY));
        if (authorization != null && !authorization.isBlank()) {
            String value = authorization.strip();
            int space = value.indexOf(' ');
            String scheme = space < 0 ? value : value.substring(0, space);
            if (scheme.toLowerCase(Locale.ROOT).equals(BEARER)) {
                String token = space < 0 ? null : trimmed(value.substring(space + 1));
                return token == null
                        ? new Credentials(null, true, "Authorization: Bearer without a token")
                        : new Credentials(token, true, null);
            }
            if (apiKey == null) {
                return new Credentials(null, false, "Authorization: unsupported scheme (expected: Bearer)");
            }
        }
        return new Credentials(apiKey, false, null);
    }

    private static @Nullable String trimmed(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    @Override
    public String toString() {
        return "Credentials[secret=" + (secret == null ? "none" : "***") + ", bearer=" + bearer + ", problem=" + problem
                + "]";
    }
}
