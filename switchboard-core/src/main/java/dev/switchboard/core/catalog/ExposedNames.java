package dev.switchboard.core.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The names the gateway gives tools and prompts, kept within the MCP tool name rules (revision
 * 2025-11-25, "Tool Names"): 1 to {@value #MAX_LENGTH} characters, only {@code A-Z a-z 0-9 _ - .}.
 *
 * <p>{@link #fit} replaces every other character (each code point) with {@code _}, and a name that
 * is still too long keeps its first {@value #KEEP} characters followed by {@code _} and {@value
 * #HASH_LENGTH} hex digits of the SHA-256 of the whole name before any replacement, so two long
 * names that share their start stay distinct, and the same name always gives the same result (in
 * every JVM, on every run).
 */
final class ExposedNames {
    /** The most characters a tool name may have. */
    static final int MAX_LENGTH = 128;

    /** How many hex digits of the hash a shortened name ends with. */
    static final int HASH_LENGTH = 8;

    /** How many characters of a too-long name are kept before {@code _} and the hash. */
    static final int KEEP = MAX_LENGTH - 1 - HASH_LENGTH;

    private ExposedNames() {}

    /** Whether {@code c} may appear in a tool name. */
    static boolean allowed(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '_'
                || c == '-'
                || c == '.';
    }

    /** Whether {@code name} follows the rules as it is. */
    static boolean valid(String name) {
        int length = name.length();
        if (length == 0 || length > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (!allowed(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** {@code raw} made to follow the rules; {@code raw} itself when it already does. */
    static String fit(String raw) {
        if (valid(raw)) {
            return raw;
        }
        StringBuilder sanitized = new StringBuilder(Math.min(raw.length(), MAX_LENGTH + 16));
        raw.codePoints().forEach(c -> sanitized.appendCodePoint(allowed(c) ? c : '_'));
        if (sanitized.isEmpty()) {
            return "_";
        }
        if (sanitized.length() <= MAX_LENGTH) {
            return sanitized.toString();
        }
        return sanitized.substring(0, KEEP) + "_" + hash(raw);
    }

    /** The name of {@code tool} of {@code server}: {@code server + separator + tool}, fitted. */
    static String prefixed(String server, String separator, String tool) {
        return fit(server + separator + tool);
    }

    /**
     * {@code base} with {@code _n} appended, shortened at the end first when the whole would be too
     * long; {@code base} is a fitted name and {@code n} at least 2.
     */
    static String numbered(String base, int n) {
        String suffix = "_" + n;
        int keep = Math.min(base.length(), MAX_LENGTH - suffix.length());
        return base.substring(0, keep) + suffix;
    }

    /** The first {@value #HASH_LENGTH} hex digits of the SHA-256 of {@code name}'s UTF-8 bytes. */
    static String hash(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, HASH_LENGTH / 2);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
