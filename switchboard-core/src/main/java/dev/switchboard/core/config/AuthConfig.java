package dev.switchboard.core.config;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How upstream clients authenticate. Without any, the gateway accepts everyone and must listen on
 * a loopback address. In the file: {@code auth: {apiKeys: [...], jwt: {...}}}.
 *
 * @param apiKeys the accepted API keys; default empty
 * @param jwt how bearer JWTs are checked, or {@code null} (the default) for no JWTs
 */
public record AuthConfig(List<ApiKey> apiKeys, @Nullable JwtConfig jwt) {

    /** The default: no authentication. */
    public static final AuthConfig NONE = new AuthConfig(List.of(), null);

    /** Copies the keys. */
    public AuthConfig {
        apiKeys = List.copyOf(apiKeys);
    }

    /** Whether any authentication is configured. */
    public boolean isEnabled() {
        return !apiKeys.isEmpty() || jwt != null;
    }
}
