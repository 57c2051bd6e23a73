package dev.switchboard.core.lifecycle;

/** The state of one server's connection, as its {@link ServerSupervisor} sees it. */
public enum ServerState {
    /** The server is configured with {@code enabled: false}; nothing is ever started. */
    DISABLED,
    /** Lazy and never used yet: nothing was started. */
    IDLE,
    /** A connection attempt is running. */
    CONNECTING,
    /** Connected, and the last call or ping succeeded. */
    READY,
    /**
     * Recently failing but not given up: connected while calls or the tool listing fail, or the
     * session dropped and a reconnect is scheduled.
     */
    DEGRADED,
    /**
     * The last connection attempt failed; the next one is scheduled with backoff (except after a
     * {@link ErrorPhase#CONFIG} error, which retrying cannot fix).
     */
    FAILED,
    /** The supervisor was closed (the server was unregistered or the registry closed). Terminal. */
    CLOSED
}
