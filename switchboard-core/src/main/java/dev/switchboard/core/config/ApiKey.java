package dev.switchboard.core.config;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An API key and the principal it authenticates. The key is kept either as the secret itself or as
 * its SHA-256, exactly one of the two. In the file: {@code {key: "${ALICE_KEY}", user: alice,
 * agent: claude, roles: [admin]}}, or {@code {keyHash: "sha256:9f86d0...", user: alice}}.
 *
 * @param key the secret a client sends as {@code Authorization: Bearer <key>} or {@code X-API-Key},
 *     at least 16 characters, or {@code null} when {@link #keyHash} is given; never shown by {@link
 *     #toString()}
 * @param keyHash {@code sha256:} and the 64 lower-case hex digits of the SHA-256 of the key's UTF-8
 *     bytes, or {@code null} when {@link #key} is given; never shown by {@link #toString()}
 * @param user the user the key stands for
 * @param agent the agent the key stands for, or {@code null}
 * @param roles the principal's roles, such as {@code admin}; default empty
 */
public record ApiKey(
        @Nullable String key,
        @Nullable String keyHash,
        String user,
        @Nullable String agent,
        List<String> roles) {

    /** What {@link #keyHash} starts with. */
    public static final String SHA256_PREFIX = "sha256:";

    /** What a {@link #keyHash} must look like, for messages. */
    static final String KEY_HASH_EXPECTED = "\"sha256:\" and the 64 hex digits of the key's SHA-256";

    private static final Pattern KEY_HASH = Pattern.compile("sha256:[0-9a-fA-F]{64}");

    /**
     * Copies the roles, checks that exactly one of key and hash is given and that the hash has its
     * form, and writes the hash's digits in lower case.
     *
     * @throws NullPointerException if the user or the roles are null
     * @throws IllegalArgumentException if both or neither of key and hash are given, or the hash is
     *     not {@code sha256:} and 64 hex digits (the message never shows either)
     */
    public ApiKey {
        Objects.requireNonNull(user, "user");
        if ((key == null) == (keyHash == null)) {
            throw new IllegalArgumentException(
                    "key, keyHash: " + (key == null ? "neither" : "both") + " (expected: exactly one of them)");
        }
        if (keyHash != null) {
            if (!isKeyHash(keyHash)) {
                throw new IllegalArgumentException(
                        "keyHash: " + Redaction.MASK + " (expected: " + KEY_HASH_EXPECTED + ")");
            }
            keyHash = keyHash.toLowerCase(Locale.ROOT);
        }
        roles = List.copyOf(roles);
    }

    /** An entry holding the secret itself. */
    public ApiKey(String key, String user, @Nullable String agent, List<String> roles) {
        this(Objects.requireNonNull(key, "key"), null, user, agent, roles);
    }

    /**
     * An entry holding only the SHA-256 of the secret.
     *
     * @param keyHash {@code sha256:} and 64 hex digits
     * @throws IllegalArgumentException if the hash does not have that form
     */
    public static ApiKey hashed(String keyHash, String user, @Nullable String agent, List<String> roles) {
        return new ApiKey(null, Objects.requireNonNull(keyHash, "keyHash"), user, agent, roles);
    }

    /** Whether {@code text} is {@code sha256:} and 64 hex digits. */
    static boolean isKeyHash(String text) {
        return KEY_HASH.matcher(text).matches();
    }

    /** Every field but the key and its hash, which show as {@code ***}. */
    @Override
    public String toString() {
        return "ApiKey[" + (key != null ? "key" : "keyHash") + "=" + Redaction.MASK + ", user=" + user + ", agent="
                + agent + ", roles=" + roles + "]";
    }
}
