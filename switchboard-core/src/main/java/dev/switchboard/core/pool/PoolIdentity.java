package dev.switchboard.core.pool;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Who a pooled session belongs to: the authenticated principal and a hash of the credentials the
 * session is opened with. Sessions are pooled per identity, so two principals sharing one
 * credential, or one principal with two credentials, get separate sessions. The raw credentials are
 * never kept, and {@link #toString()} shows neither the principal nor the credentials, only short
 * hashes.
 *
 * @param principal the opaque id of the authenticated principal (user or agent), as resolved by
 *     authentication, never a name the caller asserts; not blank
 * @param credentialsHash the hex SHA-256 of the credentials, truncated to 128 bits, or {@link
 *     #NO_CREDENTIALS}
 */
public record PoolIdentity(String principal, String credentialsHash) {
    /** The {@link #credentialsHash} of an identity without credentials. */
    public static final String NO_CREDENTIALS = "none";

    private static final int HASH_BYTES = 16;
    private static final int SHORT_HASH_CHARS = 8;

    /** Checks that the principal is not blank and the hash is present. */
    public PoolIdentity {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(credentialsHash, "credentialsHash");
        if (principal.isBlank()) {
            throw new IllegalArgumentException("principal: \"" + principal + "\" (expected: not blank)");
        }
    }

    /** The identity of {@code principal} without credentials. */
    public static PoolIdentity of(String principal) {
        return new PoolIdentity(principal, NO_CREDENTIALS);
    }

    /**
     * The identity of {@code principal} opening sessions with {@code credentials}: the headers (or
     * other named values) that authenticate the session downstream, such as {@code Authorization},
     * {@code X-API-Key} or {@code Cookie}. Names are compared ignoring case; the order of entries
     * does not matter. An empty map means no credentials.
     */
    public static PoolIdentity of(String principal, Map<String, String> credentials) {
        Objects.requireNonNull(credentials, "credentials");
        return new PoolIdentity(principal, credentials.isEmpty() ? NO_CREDENTIALS : hash(credentials));
    }

    private static String hash(Map<String, String> credentials) {
        Map<String, String> sorted = new TreeMap<>();
        credentials.forEach((name, value) -> sorted.put(name.toLowerCase(Locale.ROOT), value));
        MessageDigest digest = sha256();
        // Length-prefixed parts, so that no choice of names and values can collide with another.
        sorted.forEach((name, value) -> {
            update(digest, name);
            update(digest, value);
        });
        byte[] full = digest.digest();
        return HexFormat.of().formatHex(full, 0, HASH_BYTES);
    }

    private static void update(MessageDigest digest, String part) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        digest.update(intBytes(bytes.length));
        digest.update(bytes);
    }

    private static byte[] intBytes(int value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** A short hash of the principal, for logs: the principal itself is personal data. */
    String principalTag() {
        byte[] full = sha256().digest(principal.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(full, 0, SHORT_HASH_CHARS / 2);
    }

    /** Short hashes only, such as {@code PoolIdentity[principal=1a2b3c4d, credentials=9f8e7d6c]}. */
    @Override
    public String toString() {
        return "PoolIdentity[" + describe() + "]";
    }

    /** Such as {@code principal=1a2b3c4d, credentials=9f8e7d6c}. */
    String describe() {
        String credentials = credentialsHash.length() > SHORT_HASH_CHARS
                ? credentialsHash.substring(0, SHORT_HASH_CHARS)
                : credentialsHash;
        return "principal=" + principalTag() + ", credentials=" + credentials;
    }
}
