package dev.switchboard.core.config;

/** Whether a policy lets a principal use a tool. In the file: {@code allow} or {@code deny}. */
public enum PolicyDecision {
    /** The tool may be listed and called. */
    ALLOW("allow"),
    /** The tool is hidden and calls to it fail as if it did not exist. */
    DENY("deny");

    private final String configName;

    PolicyDecision(String configName) {
        this.configName = configName;
    }

    /** The name used in the file, such as {@code deny}. */
    public String configName() {
        return configName;
    }
}
