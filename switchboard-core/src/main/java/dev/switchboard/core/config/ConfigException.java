package dev.switchboard.core.config;

/**
 * Thrown when a configuration that had to be valid is not; carries every problem. Its message is
 * {@link ConfigErrors#toString()}, which never contains a secret.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ConfigErrors errors;

    /** An exception listing {@code errors}. */
    public ConfigException(ConfigErrors errors) {
        super(errors.toString());
        this.errors = errors;
    }

    /** The problems, all of them. */
    public ConfigErrors errors() {
        return errors;
    }
}
