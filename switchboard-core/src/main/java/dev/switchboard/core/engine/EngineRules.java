package dev.switchboard.core.engine;

import dev.switchboard.core.config.ConfigError;
import dev.switchboard.core.config.GatewayConfig;
import dev.switchboard.core.config.ServerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules a configuration built in code must still follow. A configuration file is checked by
 * {@link dev.switchboard.core.config.ConfigValidator}, which knows these rules too; a {@link
 * GatewayConfig} made with constructors skips it, so the engine checks what would otherwise break
 * routing: server names that the aggregate tool namespace cannot carry.
 */
final class EngineRules {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,62}[A-Za-z0-9])?");
    private static final Pattern SEPARATOR = Pattern.compile("[_.-]{1,4}");

    private EngineRules() {}

    /** Every problem with {@code config}, in configuration order; empty when it is fine. */
    static List<ConfigError> check(GatewayConfig config) {
        List<ConfigError> errors = new ArrayList<>();
        String separator = config.gateway().separator();
        if (!SEPARATOR.matcher(separator).matches()) {
            errors.add(new ConfigError(
                    "gateway.separator", "\"" + separator + "\" (expected: 1 to 4 of '_', '.' and '-')", 0, 0));
            return errors;
        }
        for (ServerConfig server : config.servers().values()) {
            check(server, separator).ifPresent(errors::add);
        }
        return errors;
    }

    /** The problem with {@code server}'s name, if any. */
    static java.util.Optional<ConfigError> check(ServerConfig server, String separator) {
        String name = server.name();
        String path = "mcpServers." + name;
        if (!NAME.matcher(name).matches()) {
            return java.util.Optional.of(new ConfigError(
                    path,
                    "\"" + name + "\" (expected: 1 to 64 letters, digits, '_', '.' or '-', starting and ending"
                            + " with a letter or digit)",
                    0,
                    0));
        }
        if (name.contains(separator)) {
            return java.util.Optional.of(new ConfigError(
                    path, "\"" + name + "\" (expected: a name without the separator \"" + separator + "\")", 0, 0));
        }
        return java.util.Optional.empty();
    }
}
