package dev.switchboard.core.catalog;

import java.util.Objects;

/**
 * A server's catalog could not be read: its {@code tools/list} failed with something other than
 * "method not found". Carries the server and the method; the cause is what the request failed
 * with (a JSON-RPC error answer, a timeout, a transport failure).
 */
public final class CatalogFetchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String server;
    private final String method;

    /** A failure of {@code method} on {@code server}, caused by {@code cause}. */
    public CatalogFetchException(String server, String method, Throwable cause) {
        super(
                "server " + Objects.requireNonNull(server, "server") + ": " + Objects.requireNonNull(method, "method")
                        + " failed: " + cause.getMessage(),
                cause);
        this.server = server;
        this.method = method;
    }

    /** The server whose listing failed. */
    public String server() {
        return server;
    }

    /** The list method that failed, such as {@code tools/list}. */
    public String method() {
        return method;
    }
}
