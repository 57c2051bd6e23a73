package dev.switchboard.server.http;

/** Who may use a route of the {@link GatewayServer}, and which checks run before its handler. */
public enum Access {
    /** Everyone, without authentication: the process probes {@code /healthz} and {@code /readyz}. */
    PUBLIC,
    /** Any authenticated caller (everyone when auth is off): {@code /metrics}. */
    AUTHENTICATED,
    /**
     * Any authenticated caller, after the {@code Host} and {@code Origin} checks against DNS
     * rebinding; errors are JSON-RPC error responses, as MCP clients expect: the MCP endpoints.
     */
    MCP,
    /** Authenticated callers with the {@code admin} role (everyone when auth is off): {@code /api/*}. */
    ADMIN
}
