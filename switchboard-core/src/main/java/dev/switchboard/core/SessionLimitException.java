package dev.switchboard.core;

/**
 * A session could not be opened on a {@code per-session} server because the server already has as
 * many live sessions as it allows: its {@code pool.maxPerKey} setting bounds the downstream
 * connections (and, for a stdio server, processes) that its sessions hold at once. Nothing was
 * started; the caller may try again once a session closes.
 */
public final class SessionLimitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String server;
    private final int limit;

    /**
     * An exception for {@code server}, whose limit {@code limit} was reached.
     *
     * @param server the server's name
     * @param limit the most live sessions the server allows
     */
    public SessionLimitException(String server, int limit) {
        super("server " + server + " is busy: live sessions: " + limit + " (expected: fewer than pool.maxPerKey "
                + limit + " for a per-session server)");
        this.server = server;
        this.limit = limit;
    }

    /** The server's name. */
    public String server() {
        return server;
    }

    /** The most live sessions the server allows. */
    public int limit() {
        return limit;
    }
}
