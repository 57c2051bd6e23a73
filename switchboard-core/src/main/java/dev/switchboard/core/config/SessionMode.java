package dev.switchboard.core.config;

/** How callers share the sessions with one server. In the file: {@code sessionMode: shared}. */
public enum SessionMode {
    /** One session multiplexes every caller; cheapest, right for stateless servers. The default. */
    SHARED("shared"),
    /** A pool of sessions per caller identity; different identities never share a session. */
    PER_IDENTITY("per-identity"),
    /** Each upstream session gets a downstream session of its own, closed with it. */
    PER_SESSION("per-session");

    private final String configName;

    SessionMode(String configName) {
        this.configName = configName;
    }

    /** The name used in the file, such as {@code per-identity}. */
    public String configName() {
        return configName;
    }
}
