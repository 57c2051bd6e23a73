package dev.switchboard.core.config;

import java.util.List;
import java.util.Objects;

/**
 * A valid configuration, immutable, as the engine applies it at once (hot reload swaps one snapshot
 * for the next).
 *
 * @param source where it came from, such as the file's path; for messages only
 * @param config the configuration, with every default filled in
 */
public record ConfigSnapshot(String source, GatewayConfig config) implements ConfigResult {

    /** Checks that no field is null. */
    public ConfigSnapshot {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(config, "config");
    }

    /** Always empty. */
    @Override
    public List<ConfigError> errors() {
        return List.of();
    }

    /** This snapshot. */
    @Override
    public ConfigSnapshot orElseThrow() {
        return this;
    }
}
