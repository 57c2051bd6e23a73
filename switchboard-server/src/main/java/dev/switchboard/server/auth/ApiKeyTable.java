package dev.switchboard.server.auth;

import dev.switchboard.core.config.ApiKey;
import dev.switchboard.core.policy.Principal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The configured API keys by the SHA-256 of the key: a presented key is hashed once and looked up,
 * so checking costs the same for one key as for thousands, and the digests are compared in constant
 * time. Only digests are kept, never the keys. Immutable and thread-safe.
 */
final class ApiKeyTable {
    private final Map<ByteBuffer, Entry> byDigest;

    private record Entry(byte[] digest, Principal principal) {}

    private ApiKeyTable(Map<ByteBuffer, Entry> byDigest) {
        this.byDigest = byDigest;
    }

    /**
     * The table of {@code keys}.
     *
     * @throws IllegalArgumentException if two entries hold the same key (the validator reports that
     *     first; the message names the users, never the key)
     */
    static ApiKeyTable of(List<ApiKey> keys) {
        Map<ByteBuffer, Entry> byDigest = new HashMap<>();
        for (ApiKey key : keys) {
            byte[] digest = digestOf(key);
            Principal principal = new Principal(key.user(), key.agent(), Set.copyOf(key.roles()));
            Entry previous = byDigest.put(ByteBuffer.wrap(digest), new Entry(digest, principal));
            if (previous != null) {
                throw new IllegalArgumentException("gateway.auth.apiKeys: the key of user " + key.user()
                        + " (expected: a key no other entry has, but user "
                        + previous.principal().user()
                        + " has it too)");
            }
        }
        return new ApiKeyTable(Map.copyOf(byDigest));
    }

    boolean isEmpty() {
        return byDigest.isEmpty();
    }

    /** The principal of {@code presented}, or {@code null} when no entry holds that key. */
    @Nullable
    Principal find(String presented) {
        if (byDigest.isEmpty()) {
            return null;
        }
        byte[] digest = sha256(presented.getBytes(StandardCharsets.UTF_8));
        Entry entry = byDigest.get(ByteBuffer.wrap(digest));
        return entry != null && MessageDigest.isEqual(entry.digest(), digest) ? entry.principal() : null;
    }

    private static byte[] digestOf(ApiKey key) {
        String plain = key.key();
        if (plain != null) {
            return sha256(plain.getBytes(StandardCharsets.UTF_8));
        }
        String hash = key.keyHash();
        if (hash == null) {
            throw new IllegalStateException("ApiKey: neither key nor keyHash (expected: one, as the record checks)");
        }
        return HexFormat.of().parseHex(hash.substring(ApiKey.SHA256_PREFIX.length()));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256: missing (expected: every JDK to have it)", e);
        }
    }
}
