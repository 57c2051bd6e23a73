package dev.switchboard.core.config;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An API key and the principal it authenticates. In the file: {@code {key: "${ALICE_KEY}", user:
 * alice, agent: claude, roles: [admin]}}.
 *
 * @param key the secret a client sends as {@code Authorization: Bearer <key>} or {@code X-API-Key};
 *     at least 16 characters; never shown by {@link #toString()}
 * @param user the user the key stands for
 * @param agent the agent the key stands for, or {@code null}
 * @param roles the principal's roles, such as {@code admin}; default empty
 */
public record ApiKey(String key, String user, @Nullable String agent, List<String> roles) {

    /** Copies the roles and checks that no required field is null. */
    public ApiKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(user, "user");
        roles = List.copyOf(roles);
    }

    /** Every field but the key, which shows as {@code ***}. */
    @Override
    public String toString() {
        return "ApiKey[key=" + Redaction.MASK + ", user=" + user + ", agent=" + agent + ", roles=" + roles + "]";
    }
}
