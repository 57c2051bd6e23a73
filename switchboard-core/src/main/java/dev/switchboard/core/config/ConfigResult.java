package dev.switchboard.core.config;

import java.util.List;

/**
 * The outcome of loading or validating a configuration: either a {@link ConfigSnapshot} or the
 * {@link ConfigErrors} that prevented one. Use a {@code switch} over the two, or {@link #errors()}
 * and {@link #orElseThrow()}.
 */
public sealed interface ConfigResult permits ConfigSnapshot, ConfigErrors {

    /** Where the configuration came from, such as the file's path; for messages only. */
    String source();

    /** Every problem found, in document order; empty for a {@link ConfigSnapshot}. */
    List<ConfigError> errors();

    /** Whether the configuration is valid, that is, this is a {@link ConfigSnapshot}. */
    default boolean isValid() {
        return errors().isEmpty();
    }

    /**
     * The snapshot.
     *
     * @throws ConfigException listing every problem, when the configuration is invalid
     */
    ConfigSnapshot orElseThrow();
}
