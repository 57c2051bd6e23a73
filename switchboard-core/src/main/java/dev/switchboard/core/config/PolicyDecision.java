package dev.switchboard.core.config;

/** Whether a policy lets a principal use a tool. In the file: {@code allow} or {@code deny}. */
public enum PolicyDecision {
    /** The tool may be listed and called. */
    ALLOW,
    /** The tool is hidden and calls to it fail as if it did not exist. */
    DENY
}
