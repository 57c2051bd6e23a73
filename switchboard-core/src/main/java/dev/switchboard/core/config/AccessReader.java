package dev.switchboard.core.config;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reads {@code gateway.auth} and {@code gateway.policy}. */
final class AccessReader {
    static final List<String> AUTH_KEYS = List.of("apiKeys", "jwt");
    static final List<String> API_KEY_KEYS = List.of("key", "keyHash", "user", "agent", "roles");
    static final List<String> JWT_KEYS =
            List.of("issuer", "audience", "jwksUrl", "publicKeyFile", "userClaim", "agentClaim", "rolesClaim");
    static final List<String> POLICY_KEYS = List.of("default", "rules");
    static final List<String> RULE_KEYS = List.of("user", "agent", "role", "servers", "allow", "deny");
    static final int MIN_API_KEY_LENGTH = 16;

    private static final String KEY_EXPECTED = "a secret of at least " + MIN_API_KEY_LENGTH + " characters";

    private final ValueReader in;

    AccessReader(ValueReader in) {
        this.in = in;
    }

    AuthConfig auth(@Nullable ObjectFields auth) {
        if (auth == null) {
            return AuthConfig.NONE;
        }
        auth.reportUnknownKeys();
        List<ApiKey> keys = new ArrayList<>();
        JsonNode list = auth.get("apiKeys");
        if (list != null && !list.isArray()) {
            in.problems()
                    .invalid(
                            auth.path("apiKeys"),
                            list,
                            false,
                            "an array of {key or keyHash, user, agent, roles} objects");
        } else if (list != null) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                ApiKey key =
                        apiKey(in.object(list.get(i), auth.path("apiKeys").index(i), API_KEY_KEYS, "an object"), seen);
                if (key != null) {
                    keys.add(key);
                }
            }
        }
        return new AuthConfig(keys, jwt(auth.object("jwt", JWT_KEYS)));
    }

    private @Nullable ApiKey apiKey(@Nullable ObjectFields fields, Set<String> seen) {
        if (fields == null) {
            return null;
        }
        fields.reportUnknownKeys();
        boolean hasKey = fields.has("key");
        boolean hasHash = fields.has("keyHash");
        if (hasKey == hasHash) {
            in.problems()
                    .add(
                            fields.path(),
                            (hasKey ? "both \"key\" and \"keyHash\"" : "neither \"key\" nor \"keyHash\"")
                                    + " (expected: one of them: the secret as \"key\", best from ${VAR}, or its"
                                    + " SHA-256 as \"keyHash\")");
        }
        String key = hasKey ? secret(fields, "key") : null;
        String hash = hasHash ? keyHash(fields) : null;
        String digest = key != null ? sha256(key) : hash;
        if (digest != null && !seen.add(digest)) {
            in.problems()
                    .invalid(fields.path(hasKey ? "key" : "keyHash"), Problems.secret(), "a key no other entry has");
        }
        String user = required(fields, "user", "the name of the user the key stands for");
        String agent = fields.string("agent");
        List<String> roles = fields.strings("roles", List.of(), true);
        if (user == null || hasKey == hasHash) {
            return null;
        }
        if (key != null) {
            return new ApiKey(key, user, agent, roles);
        }
        return hash == null ? null : ApiKey.hashed(hash, user, agent, roles);
    }

    private @Nullable String secret(ObjectFields fields, String name) {
        String key = in.string(fields.present(name), fields.path(name), true);
        if (key != null && key.length() < MIN_API_KEY_LENGTH) {
            in.problems().invalid(fields.path(name), Problems.secret(), KEY_EXPECTED);
            return null;
        }
        return key;
    }

    private @Nullable String keyHash(ObjectFields fields) {
        String hash = in.string(fields.present("keyHash"), fields.path("keyHash"), true);
        if (hash != null && !ApiKey.isKeyHash(hash.strip())) {
            in.problems().invalid(fields.path("keyHash"), Problems.secret(), ApiKey.KEY_HASH_EXPECTED);
            return null;
        }
        return hash == null ? null : hash.strip().toLowerCase(Locale.ROOT);
    }

    /** {@code sha256:} and the hex SHA-256 of {@code key}'s UTF-8 bytes, as a {@code keyHash} says it. */
    static String sha256(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return ApiKey.SHA256_PREFIX + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256: missing (expected: every JDK to have it)", e);
        }
    }

    private @Nullable String required(ObjectFields fields, String name, String expected) {
        if (!fields.has(name)) {
            in.problems().add(fields.path(name), "missing (expected: " + expected + ")");
            return null;
        }
        return fields.string(name);
    }

    private @Nullable JwtConfig jwt(@Nullable ObjectFields jwt) {
        if (jwt == null) {
            return null;
        }
        jwt.reportUnknownKeys();
        String issuer = required(jwt, "issuer", "the issuer tokens must name in \"iss\"");
        JsonNode jwksNode = jwt.get("jwksUrl");
        URI jwksUrl = jwksNode == null
                ? null
                : in.url(jwksNode, jwt.path("jwksUrl"), Set.of("http", "https"), "an http or https URL");
        Path keyFile = keyFile(jwt);
        if (jwt.has("jwksUrl") == jwt.has("publicKeyFile")) {
            in.problems()
                    .add(
                            jwt.path(),
                            (jwt.has("jwksUrl")
                                            ? "both \"jwksUrl\" and \"publicKeyFile\""
                                            : "neither \"jwksUrl\" nor \"publicKeyFile\"")
                                    + " (expected: one of them, to find the signing keys)");
        }
        // with no issuer the result is invalid and never returned; an empty one keeps JWT counted
        // as configured, so the listen address check does not report a second, spurious problem
        return new JwtConfig(
                issuer == null ? "" : issuer,
                jwt.string("audience"),
                jwksUrl,
                keyFile,
                jwt.string("userClaim", JwtConfig.DEFAULT_USER_CLAIM),
                jwt.string("agentClaim", JwtConfig.DEFAULT_AGENT_CLAIM),
                jwt.string("rolesClaim", JwtConfig.DEFAULT_ROLES_CLAIM));
    }

    private @Nullable Path keyFile(ObjectFields jwt) {
        String file = jwt.string("publicKeyFile");
        try {
            return file == null ? null : Path.of(file);
        } catch (InvalidPathException e) {
            in.problems().invalid(jwt.path("publicKeyFile"), ConfigPath.quoted(file), "a file path");
            return null;
        }
    }

    PolicyConfig policy(@Nullable ObjectFields policy, Set<String> serverNames) {
        if (policy == null) {
            return PolicyConfig.ALLOW_ALL;
        }
        policy.reportUnknownKeys();
        PolicyDecision decision = policy.choice(
                "default", PolicyDecision.ALLOW, List.of(PolicyDecision.values()), PolicyDecision::configName);
        List<PolicyRule> rules = new ArrayList<>();
        JsonNode list = policy.get("rules");
        if (list != null && !list.isArray()) {
            in.problems().invalid(policy.path("rules"), list, false, "an array of rules");
        } else if (list != null) {
            for (int i = 0; i < list.size(); i++) {
                PolicyRule rule = new PolicyRuleReader(in, serverNames)
                        .read(in.object(list.get(i), policy.path("rules").index(i), RULE_KEYS, "an object"));
                if (rule != null) {
                    rules.add(rule);
                }
            }
        }
        return new PolicyConfig(decision, rules);
    }
}
